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
 * The story-level evaluation set (src/test/resources/story-corpus): Arabic news in stories of 4–6
 * reports of one event, three stories to a family that shares places, actors, categories and tags.
 * See its README.
 */
public final class StoryCorpus {

    public static final List<String> FAMILIES = List.of("sudan", "yemen", "lebanon", "libya", "iraq", "egypt", "daraa", "saudi-sport");
    private static final ObjectMapper JSON = new ObjectMapper();

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

    private StoryCorpus() {}

    /** Every report, in publication order. */
    public static List<Report> reports() {
        List<Report> reports = new ArrayList<>();
        for (String family : FAMILIES) {
            for (JsonNode entry : read(family + ".json")) {
                reports.add(new Report(entry.get("family").asText(), entry.get("story").asText(), entry.get("article")));
            }
        }
        reports.sort(Comparator.comparing(report -> java.time.OffsetDateTime.parse(report.published()).toInstant()));
        return reports;
    }

    public static List<Probe> probes() {
        List<Probe> probes = new ArrayList<>();
        for (String family : FAMILIES) {
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

    private static JsonNode read(String name) {
        try (InputStream in = StoryCorpus.class.getResourceAsStream("/story-corpus/" + name)) {
            if (in == null) {
                throw new IllegalStateException("story-corpus/" + name + " is missing");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
