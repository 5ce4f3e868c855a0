package org.minbar.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.minbar.bench.NewsWords.Place;
import org.minbar.bench.NewsWords.Source;
import org.minbar.bench.NewsWords.Topic;

/**
 * Generates Arabic news articles as a publisher sends them to POST /api/articles: a headline, a
 * summary, several paragraphs with a sub-heading, categories, tags and authors, about 7.6 KB of
 * JSON each, with a unique guid, URL and made-up place name (a word only that article contains).
 * One instance per thread: it holds a Random.
 */
final class ArabicNews {

    static final int MEAN_BYTES = 7_600;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩";

    private final String run;
    private final Random random;

    ArabicNews(String run, long seed) {
        this.run = run;
        this.random = new Random(seed);
    }

    /** One article of the run, told apart from every other by {@code n}. */
    NewsArticle article(long n) {
        Topic topic = pick(NewsWords.TOPICS);
        Place place = pick(NewsWords.PLACES);
        String name = placeName(n);
        List<String> authors = new ArrayList<>(List.of(pick(NewsWords.AUTHORS)));
        if (random.nextInt(10) == 0) {
            String second = pick(NewsWords.AUTHORS);
            if (!authors.contains(second)) {
                authors.add(second);
            }
        }
        List<String> categories = List.of(topic.category(), place.country());
        List<String> tags = new ArrayList<>();
        for (String tag : topic.tags()) {
            if (random.nextInt(2) == 0) {
                tags.add(tag);
            }
        }
        tags.add(place.city());
        String title = pick(topic.headlines()) + " في " + place.city();
        String summary = sentence(topic, place);
        String image = random.nextInt(10) < 7 ? "https://news.example.org/images/" + run + "-" + n + ".jpg" : null;
        NewsArticle draft = new NewsArticle("urn:minbar:bench:" + run + ":" + n, "https://news.example.org/" + run + "/" + n + "/",
                name, title, summary, "", categories, tags, authors, image,
                OffsetDateTime.now(ZoneOffset.ofHours(3)).truncatedTo(ChronoUnit.SECONDS));
        int target = MEAN_BYTES - 800 + random.nextInt(1_601);
        return draft.withContent(content(topic, place, name, target - draft.json().length));
    }

    /** A word of NAME_LETTERS spelling n, at least five letters: searchable, and in no other article. */
    static String placeName(long n) {
        String letters = NewsWords.NAME_LETTERS;
        StringBuilder name = new StringBuilder();
        long rest = n + (long) Math.pow(letters.length(), 4);
        while (rest > 0) {
            name.append(letters.charAt((int) (rest % letters.length())));
            rest /= letters.length();
        }
        return name.toString();
    }

    private String content(Topic topic, Place place, String name, int bytes) {
        StringBuilder html = new StringBuilder();
        html.append("<p>").append(sentence(topic, place)).append(' ')
                .append("وقال أحد سكان حي ").append(name).append(" في ").append(place.city()).append(" إن ")
                .append(clause(topic)).append(".</p>");
        for (int paragraph = 1; html.toString().getBytes(StandardCharsets.UTF_8).length < bytes; paragraph++) {
            if (paragraph % 3 == 0) {
                html.append("<h2>").append(pick(NewsWords.SUBHEADINGS)).append("</h2>");
            }
            html.append("<p>");
            int sentences = 2 + random.nextInt(3);
            for (int i = 0; i < sentences; i++) {
                html.append(i == 0 ? "" : " ").append(sentence(topic, place));
            }
            if (random.nextInt(4) == 0) {
                html.append(" <a href=\"https://news.example.org/").append(run).append("/archive/")
                        .append(random.nextInt(1000)).append("/\">اقرأ أيضا</a>");
            }
            html.append("</p>");
        }
        return html.toString();
    }

    private String sentence(Topic topic, Place place) {
        switch (random.nextInt(3)) {
            case 0:
                Source source = pick(NewsWords.SOURCES);
                List<String> verb = pick(NewsWords.VERBS);
                String said = verb.get(source.feminine() ? 1 : 0);
                return said + " " + source.name() + " " + pick(NewsWords.WHEN) + (said.startsWith("قال") ? " إن " : " أن ")
                        + clause(topic) + ".";
            case 1:
                return pick(NewsWords.FOLLOW_UPS) + clause(topic) + ".";
            default:
                return "وفي " + (random.nextBoolean() ? place.city() : pick(NewsWords.PLACES).city()) + "، " + clause(topic) + ".";
        }
    }

    private String clause(Topic topic) {
        return pick(topic.clauses())
                .replace("{pct}", number(1 + random.nextInt(40)))
                .replace("{num}", number(10 + random.nextInt(890)))
                .replace("{small}", number(3 + random.nextInt(8)))
                .replace("{min}", number(60 + random.nextInt(36)));
    }

    /** Western digits mostly; now and then Arabic-Indic ones, as some publishers write them. */
    private String number(int value) {
        String digits = Integer.toString(value);
        if (random.nextInt(7) != 0) {
            return digits;
        }
        StringBuilder indic = new StringBuilder();
        digits.chars().forEach(c -> indic.append(INDIC_DIGITS.charAt(c - '0')));
        return indic.toString();
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    /** An article as generated; {@link #json} is the request body, the same bytes every time. */
    record NewsArticle(String guid, String url, String name, String title, String summary, String content,
                       List<String> categories, List<String> tags, List<String> authors, String image,
                       OffsetDateTime published) {

        NewsArticle withContent(String html) {
            return new NewsArticle(guid, url, name, title, summary, html, categories, tags, authors, image, published);
        }

        byte[] json() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("guid", guid);
            json.put("url", url);
            json.put("title", title);
            json.put("summary", summary);
            json.put("content", content);
            json.put("authors", authors.stream().map(NewsArticle::author).toList());
            json.put("categories", categories);
            json.put("tags", tags);
            json.put("published", published.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            if (image != null) {
                json.put("image", image);
            }
            json.put("language", "ar");
            try {
                return JSON.writeValueAsBytes(json);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write an article as JSON: " + e.getMessage(), e);
            }
        }

        /** An author with the same biography every time, as a publisher's CMS sends it. */
        private static Map<String, String> author(String name) {
            int i = NewsWords.AUTHORS.indexOf(name);
            return Map.of("name", name, "bio", "عضو في فريق التحرير منذ عام " + (2005 + i % 15) + "، ويكتب من "
                    + NewsWords.PLACES.get(i % NewsWords.PLACES.size()).city() + ".");
        }
    }
}
