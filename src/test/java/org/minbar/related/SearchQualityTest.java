package org.minbar.related;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minbar.support.PlainArabic;
import org.minbar.support.StoryCorpus;

/**
 * Search recall on the story corpus, the ground truth computed here by plain matching
 * (PlainArabic), independent of the server's analysis: for each probe of the corpus (mostly broken
 * plurals, some with bare prefixes, homographs to keep apart), the articles that hold the word in
 * any of its forms must all be found, and nothing else; the same for the query written with
 * tashkeel, without hamza, without and with ال, after a bare preposition; and for every number the
 * corpus repeats, asked in Arabic-Indic and in Western digits. Prints recall and off-topic results
 * with the lexicon and with Lucene's light stemming alone. An article that holds only an adjective
 * made from the word (a nisba: مصرفي from مصرف) may be found: it is neither missed nor off-topic.
 */
class SearchQualityTest {

    static final double TARGET_RECALL = 0.98;

    @TempDir
    Path storage;

    /**
     * One query, the articles it must find, the articles it may find (those holding only an
     * adjective of the word: مصرفيون, bankers, for المصارف; العراقية for العراق, which Arabic light
     * stemming and readers both take as the word), and what kind of variation it tries.
     */
    private record Question(String kind, String query, Set<Long> expected, Set<Long> adjectives) {
        Question(String kind, String query, Set<Long> expected) {
            this(kind, query, expected, Set.of());
        }
    }

    /** Found and missed expected articles, and results that are not expected, by kind of question. */
    private record Tally(Map<String, int[]> byKind, List<String> failures) {
        double recall() {
            int found = byKind.values().stream().mapToInt(t -> t[0]).sum();
            int expected = byKind.values().stream().mapToInt(t -> t[1]).sum();
            return (double) found / expected;
        }

        int offTopic() {
            return byKind.values().stream().mapToInt(t -> t[2]).sum();
        }
    }

    @Test
    void searchFindsEveryFormOfAWordAndNothingElse() {
        List<StoryCorpus.Report> reports = StoryCorpus.TUNING.reports();
        List<Question> questions = questions(reports);
        Tally lexicon = ask(questions, reports, storage.resolve("lexicon"), true);
        Tally light = ask(questions, reports, storage.resolve("light"), false);
        System.out.printf(Locale.ROOT, "search, story corpus: %d questions over %d articles%n", questions.size(), reports.size());
        System.out.println("  kind                 with the lexicon: found/expected off-topic | light stemming only");
        lexicon.byKind().forEach((kind, t) -> {
            int[] l = light.byKind().get(kind);
            System.out.printf(Locale.ROOT, "  %-20s %4d/%-4d %3d                   | %4d/%-4d %3d%n", kind, t[0], t[1], t[2], l[0], l[1], l[2]);
        });
        System.out.printf(Locale.ROOT, "  recall %.3f with the lexicon, %.3f with light stemming only; off-topic results %d and %d%n",
                lexicon.recall(), light.recall(), lexicon.offTopic(), light.offTopic());
        lexicon.failures().forEach(failure -> System.out.println("  " + failure));
        assertTrue(lexicon.recall() >= TARGET_RECALL, "recall " + lexicon.recall() + " below " + TARGET_RECALL);
        assertEquals(0, lexicon.offTopic(), "results that hold none of the query's forms");
    }

    private Tally ask(List<Question> questions, List<StoryCorpus.Report> reports, Path folder, boolean withLexicon) {
        Map<String, int[]> byKind = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        try (ArticleIndex index = ArticleIndex.open(folder, withLexicon)) {
            for (int i = 0; i < reports.size(); i++) {
                StoryCorpus.Report report = reports.get(i);
                index.put(new IndexedArticle(i, report.title(), report.text(), List.of(), List.of(), List.of(), List.of(),
                        OffsetDateTime.parse(report.published()).toInstant()));
            }
            index.commit(1);
            ArticleSearch search = new ArticleSearch(index);
            for (Question question : questions) {
                Set<Long> found = new HashSet<>();
                search.search(question.query(), 1000, Instant.now()).forEach(hit -> found.add(hit.id()));
                Set<Long> missed = new HashSet<>(question.expected());
                missed.removeAll(found);
                Set<Long> offTopic = new HashSet<>(found);
                offTopic.removeAll(question.expected());
                offTopic.removeAll(question.adjectives());
                int[] tally = byKind.computeIfAbsent(question.kind(), k -> new int[3]);
                tally[0] += question.expected().size() - missed.size();
                tally[1] += question.expected().size();
                tally[2] += offTopic.size();
                if (!missed.isEmpty() || !offTopic.isEmpty()) {
                    failures.add(question.kind() + " «" + question.query() + "»: missed " + words(reports, missed, question)
                            + ", off-topic " + titles(reports, offTopic));
                }
            }
        }
        return new Tally(byKind, failures);
    }

    private static List<Question> questions(List<StoryCorpus.Report> reports) {
        List<Question> questions = new ArrayList<>();
        for (StoryCorpus.Probe probe : StoryCorpus.TUNING.probes()) {
            List<String> forms = probe.forms().stream().map(PlainArabic::normalize).toList();
            Set<Long> expected = holding(reports, forms);
            Set<Long> adjectives = holding(reports, forms.stream().map(form -> form + "ي").toList());
            String bare = PlainArabic.normalize(probe.query()).replaceFirst("^ال", "");
            questions.add(new Question("as written", probe.query(), expected, adjectives));
            questions.add(new Question("with tashkeel", vocalized(probe.query()), expected, adjectives));
            questions.add(new Question("without hamza", PlainArabic.normalize(probe.query()), expected, adjectives));
            questions.add(new Question("without ال", bare, expected, adjectives));
            questions.add(new Question("after bare ل", "ل" + bare, expected, adjectives));
            for (String form : probe.forms()) {
                questions.add(new Question("each form", form, expected, adjectives));
            }
        }
        Map<String, Set<Long>> numbers = new LinkedHashMap<>();
        for (int i = 0; i < reports.size(); i++) {
            for (String word : PlainArabic.words(reports.get(i).title() + "\n" + reports.get(i).text())) {
                if (word.chars().filter(Character::isDigit).count() >= 2 && word.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
                    numbers.computeIfAbsent(word, w -> new HashSet<>()).add((long) i);
                }
            }
        }
        numbers.forEach((number, holding) -> {
            if (holding.size() >= 2 && !number.startsWith("20")) { // years are in every story
                questions.add(new Question("Western digits", number, holding));
                questions.add(new Question("Arabic-Indic digits", indic(number), holding));
            }
        });
        return questions;
    }

    private static Set<Long> holding(List<StoryCorpus.Report> reports, List<String> forms) {
        Set<Long> holding = new HashSet<>();
        for (int i = 0; i < reports.size(); i++) {
            for (String word : PlainArabic.words(reports.get(i).title() + "\n" + reports.get(i).text())) {
                if (PlainArabic.isFormOf(word, forms)) {
                    holding.add((long) i);
                    break;
                }
            }
        }
        return holding;
    }

    /** The query with a fatha on every letter but the last, a sukun on the last: tashkeel a search must ignore. */
    private static String vocalized(String query) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < query.length(); i++) {
            out.append(query.charAt(i));
            if (Character.isLetter(query.charAt(i)) && query.charAt(i) != 'ا' && query.charAt(i) != 'ل') {
                out.append(i == query.length() - 1 ? 'ْ' : 'َ');
            }
        }
        return out.toString();
    }

    private static String indic(String number) {
        StringBuilder out = new StringBuilder();
        for (char c : number.toCharArray()) {
            out.append(Character.isDigit(c) ? (char) ('٠' + (c - '0')) : '٫');
        }
        return out.toString();
    }

    private static List<String> titles(List<StoryCorpus.Report> reports, Set<Long> ids) {
        return ids.stream().map(id -> reports.get(id.intValue()).guid()).toList();
    }

    /** For a missed article, the words of it that made it expected. */
    private static List<String> words(List<StoryCorpus.Report> reports, Set<Long> ids, Question question) {
        return ids.stream().map(id -> reports.get(id.intValue()).guid()).toList();
    }
}
