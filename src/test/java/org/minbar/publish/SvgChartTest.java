package org.minbar.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.minbar.support.Xml;
import org.w3c.dom.NodeList;

class SvgChartTest {

    private static final List<LocalDate> WEEK = IntStream.range(0, 7).mapToObj(i -> LocalDate.of(2026, 12, 1).plusDays(i)).toList();

    @Test
    void aBarADayScaledToARoundMaximumWithItsDayAndValueAsTooltip() {
        long[] polls = {0, 3, 10, 7, 0, 41, 12};
        long[] notModified = {0, 1, 10, 99, 0, 20, 6};
        Element figure = SvgChart.bars(Document.createShell("").body(), "t", "الطلبات", WEEK,
                new SvgChart.Series("الطلبات", polls), new SvgChart.Series("304", notModified));
        org.w3c.dom.Document svg = Xml.parse(figure.selectFirst("svg").outerHtml().getBytes(StandardCharsets.UTF_8));
        NodeList bars = svg.getElementsByTagName("g");
        assertEquals(7, bars.getLength());
        assertEquals("2026-12-06: الطلبات 41، 304 20", ((org.w3c.dom.Element) bars.item(5)).getElementsByTagName("title").item(0).getTextContent());
        org.w3c.dom.Element tallest = (org.w3c.dom.Element) ((org.w3c.dom.Element) bars.item(5)).getElementsByTagName("rect").item(0);
        org.w3c.dom.Element third = (org.w3c.dom.Element) ((org.w3c.dom.Element) bars.item(2)).getElementsByTagName("rect").item(0);
        assertEquals(41 / 50.0, Double.parseDouble(tallest.getAttribute("height")) / 134, 0.01, "scaled to 50, the round maximum");
        assertEquals(10 / 41.0, Double.parseDouble(third.getAttribute("height")) / Double.parseDouble(tallest.getAttribute("height")), 0.02);
        org.w3c.dom.Element overPart = (org.w3c.dom.Element) ((org.w3c.dom.Element) bars.item(3)).getElementsByTagName("rect").item(1);
        org.w3c.dom.Element overWhole = (org.w3c.dom.Element) ((org.w3c.dom.Element) bars.item(3)).getElementsByTagName("rect").item(0);
        assertEquals(overWhole.getAttribute("height"), overPart.getAttribute("height"), "a part is never drawn above its bar");
        assertEquals("2026-12-01 – 2026-12-07؛ الأعلى 41؛ اليوم 12", svg.getElementsByTagName("desc").item(0).getTextContent());
        assertEquals("img", svg.getDocumentElement().getAttribute("role"));
        assertTrue(figure.selectFirst("figcaption").text().contains("304"));
    }

    @Test
    void aChartOfNothingIsStillDrawn() {
        Element figure = SvgChart.bars(Document.createShell("").body(), "z", "لا شيء", WEEK,
                new SvgChart.Series("الطلبات", new long[7]), null);
        org.w3c.dom.Document svg = Xml.parse(figure.selectFirst("svg").outerHtml().getBytes(StandardCharsets.UTF_8));
        assertEquals(7, svg.getElementsByTagName("rect").getLength());
        assertEquals("0.0", ((org.w3c.dom.Element) svg.getElementsByTagName("rect").item(0)).getAttribute("height"));
    }

    @Test
    void maximaRoundUpToOneTwoOrFiveTimesAPowerOfTen() {
        assertEquals(1, SvgChart.niceCeiling(0));
        assertEquals(1, SvgChart.niceCeiling(1));
        assertEquals(5, SvgChart.niceCeiling(3));
        assertEquals(50, SvgChart.niceCeiling(41));
        assertEquals(100, SvgChart.niceCeiling(51));
        assertEquals(2_000_000, SvgChart.niceCeiling(1_234_567));
        assertTrue(SvgChart.niceCeiling(Long.MAX_VALUE) >= Long.MAX_VALUE / 10);
    }
}
