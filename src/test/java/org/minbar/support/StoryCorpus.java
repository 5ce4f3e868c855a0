package org.minbar.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jsoup.Jsoup;

/**
 * A story-level evaluation set: Arabic news in stories of 4–6 reports of one event, in families
 * of stories that share places, actors, categories and tags. {@link #TUNING}
 * (src/test/resources/story-corpus, see its README) is the set the ranking was built on;
 * {@link #HELD_OUT} (story-holdout), written afterwards by other hands and never tuned on, has
 * four stories of five to a family, all in the same four days.
 */
public final class StoryCorpus {

    public static final StoryCorpus TUNING = new StoryCorpus("story-corpus",
            List.of("sudan", "yemen", "lebanon", "libya", "iraq", "egypt", "daraa", "saudi-sport"));
    public static final StoryCorpus HELD_OUT = new StoryCorpus("story-holdout", List.of("idlib", "iran", "gaza", "tunisia"));
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String folder;
    private final List<String> families;

    private StoryCorpus(String folder, List<String> families) {
        this.folder = folder;
        this.families = List.copyOf(families);
    }

    public String folder() {
        return folder;
    }

    /** One report: its family, its story, and the article as the publishing API takes it. */
    public record Report(String family, String story, JsonNode article) {
        public String guid() {
            return article.get("guid").asText();
        }

        public String title() {
            return article.get("title").asText();
        }

        /** Summary and text, as plain text. */
        public String text() {
            return article.get("summary").asText() + "\n" + Jsoup.parse(article.get("content").asText()).text();
        }

        public String published() {
            return article.get("published").asText();
        }
    }

    /** A search probe: a query, the stems that count as the same word, and look-alikes that must not. */
    public record Probe(String family, String query, List<String> forms, List<String> not) {}

    /** Every report, in publication order. */
    public List<Report> reports() {
        List<Report> reports = new ArrayList<>();
        for (String family : families) {
            for (JsonNode entry : read(family + ".json")) {
                reports.add(new Report(entry.get("family").asText(), entry.get("story").asText(), entry.get("article")));
            }
        }
        reports.sort(Comparator.comparing(report -> java.time.OffsetDateTime.parse(report.published()).toInstant()));
        return reports;
    }

    public List<Probe> probes() {
        List<Probe> probes = new ArrayList<>();
        for (String family : families) {
            for (JsonNode probe : read(family + ".search.json")) {
                probes.add(new Probe(family, probe.get("query").asText(), strings(probe.get("forms")), strings(probe.get("not"))));
            }
        }
        return probes;
    }

    private static List<String> strings(JsonNode array) {
        List<String> strings = new ArrayList<>();
        if (array != null) {
            array.forEach(value -> strings.add(value.asText()));
        }
        return strings;
    }

    private JsonNode read(String name) {
        try (InputStream in = StoryCorpus.class.getResourceAsStream("/" + folder + "/" + name)) {
            if (in == null) {
                throw new IllegalStateException(folder + "/" + name + " is missing");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
