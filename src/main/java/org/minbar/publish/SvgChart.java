package org.minbar.publish;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Element;

/**
 * A bar chart of daily values, drawn on the server as inline SVG (no script, no CDN): one bar a
 * day, oldest on the left, each with a tooltip of its day and value; a second, darker series can
 * mark the part of each bar that is something (the 304s among the polls). The chart is an image
 * with a title and a description of its range, maximum and last value for screen readers.
 */
public final class SvgChart {

    /** One series: a value per day, in the order of the days. */
    public record Series(String name, long[] values) {}

    private static final int WIDTH = 600;
    private static final int HEIGHT = 170;
    private static final int LEFT = 48;
    private static final int RIGHT = 8;
    private static final int TOP = 10;
    private static final int BOTTOM = 26;
    private static final String BAR = "#0b5394";
    private static final String PART = "#e69138";
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("MM-dd", Locale.ROOT);

    private SvgChart() {}

    /**
     * Appends the chart to {@code parent}. {@code id} names it within the page (for aria-labelledby).
     *
     * @param part the part of each bar drawn darker, or null
     */
    public static Element bars(Element parent, String id, String title, List<LocalDate> days, Series whole, Series part) {
        long max = 0;
        for (long value : whole.values()) {
            max = Math.max(max, value);
        }
        long top = niceCeiling(max);
        Element figure = parent.appendElement("figure").addClass("chart");
        Element svg = figure.appendElement("svg").attr("xmlns", "http://www.w3.org/2000/svg")
                .attr("viewBox", "0 0 " + WIDTH + " " + HEIGHT).attr("width", "100%").attr("role", "img")
                .attr("aria-labelledby", id + "-title " + id + "-desc").attr("direction", "ltr");
        svg.appendElement("title").attr("id", id + "-title").text(title);
        long last = whole.values().length == 0 ? 0 : whole.values()[whole.values().length - 1];
        String range = days.isEmpty() ? "" : days.get(0) + " – " + days.get(days.size() - 1);
        svg.appendElement("desc").attr("id", id + "-desc").text(range + "؛ الأعلى " + max + "؛ اليوم " + last);
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        for (long tick : new long[] {0, top / 2, top}) {
            double y = TOP + plotHeight - (double) tick / top * plotHeight;
            svg.appendElement("line").attr("x1", String.valueOf(LEFT)).attr("x2", String.valueOf(WIDTH - RIGHT))
                    .attr("y1", coordinate(y)).attr("y2", coordinate(y)).attr("stroke", "#ccc").attr("stroke-width", "1");
            svg.appendElement("text").attr("x", String.valueOf(LEFT - 4)).attr("y", coordinate(y + 4))
                    .attr("text-anchor", "end").attr("font-size", "11").attr("fill", "#444").text(String.valueOf(tick));
        }
        int count = Math.max(days.size(), 1);
        double slot = (double) plotWidth / count;
        double barWidth = Math.max(slot * 0.7, 1);
        for (int i = 0; i < days.size(); i++) {
            double x = LEFT + i * slot + (slot - barWidth) / 2;
            long value = whole.values()[i];
            double height = (double) value / top * plotHeight;
            Element bar = svg.appendElement("g");
            String tooltip = days.get(i) + ": " + whole.name() + " " + value;
            if (part != null) {
                tooltip += "، " + part.name() + " " + part.values()[i];
            }
            bar.appendElement("title").text(tooltip);
            bar.appendElement("rect").attr("x", coordinate(x)).attr("y", coordinate(TOP + plotHeight - height))
                    .attr("width", coordinate(barWidth)).attr("height", coordinate(height)).attr("fill", BAR);
            if (part != null) {
                double partHeight = (double) Math.min(part.values()[i], value) / top * plotHeight;
                bar.appendElement("rect").attr("x", coordinate(x)).attr("y", coordinate(TOP + plotHeight - partHeight))
                        .attr("width", coordinate(barWidth)).attr("height", coordinate(partHeight)).attr("fill", PART);
            }
        }
        for (int i : labelled(days.size())) {
            double x = LEFT + i * slot + slot / 2;
            svg.appendElement("text").attr("x", coordinate(x)).attr("y", String.valueOf(HEIGHT - 8))
                    .attr("text-anchor", "middle").attr("font-size", "11").attr("fill", "#444").text(LABEL.format(days.get(i)));
        }
        Element legend = figure.appendElement("figcaption");
        legend.appendElement("span").addClass("key").attr("style", "background:" + BAR).attr("aria-hidden", "true");
        legend.appendText(whole.name());
        if (part != null) {
            legend.appendText(" ");
            legend.appendElement("span").addClass("key").attr("style", "background:" + PART).attr("aria-hidden", "true");
            legend.appendText(part.name());
        }
        return figure;
    }

    /** The first, middle and last days are labelled. */
    private static int[] labelled(int days) {
        return days == 0 ? new int[0] : days < 3 ? new int[] {0, days - 1} : new int[] {0, days / 2, days - 1};
    }

    /** The smallest of 1, 2 or 5 times a power of ten at or above {@code max} (at least 1). */
    static long niceCeiling(long max) {
        long step = 1;
        while (true) {
            for (long factor : new long[] {1, 2, 5}) {
                if (step * factor >= max) {
                    return Math.max(step * factor, 1);
                }
            }
            if (step > Long.MAX_VALUE / 100) {
                return max;
            }
            step *= 10;
        }
    }

    private static String coordinate(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
