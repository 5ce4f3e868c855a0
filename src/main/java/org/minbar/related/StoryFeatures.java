package org.minbar.related;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * The evidence an article gives of which story it reports, as weighted features: its words (the
 * analyzed stems), its phrases (two words in a row: «وقف اطلاق», «ممر امن» tell one event from
 * another in the same place better than either word) and its numbers (casualty figures, amounts,
 * counts, in any digits). A feature's weight is how often it occurs, an occurrence in the title
 * counting {@link #TITLE_WEIGHT} times and one in the lead {@link #LEAD_WEIGHT} times, as news says
 * what a story is in its headline and first lines.
 */
public final class StoryFeatures {

    static final int TITLE_WEIGHT = 3;
    static final int LEAD_WEIGHT = 2;
    /** The lead: the first words of the text (which starts with the summary). */
    static final int LEAD_WORDS = 40;
    /** Words read from a long text: what follows rarely tells the story apart and costs index space. */
    static final int WORDS_READ = 600;

    /** What a feature is evidence of; its prefix keeps the kinds apart in the index. */
    public enum Kind {
        WORD("w:"), PHRASE("p:"), NUMBER("n:");

        final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        static Kind of(String feature) {
            for (Kind kind : values()) {
                if (feature.startsWith(kind.prefix)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("not a feature: " + feature);
        }
    }

    /** A feature's weight in the article and the words it was first read from, for explanations. */
    public record Feature(String key, Kind kind, int weight, String surface) {}

    private StoryFeatures() {}

    /** The article's features, in the order first read (title first). */
    static Map<String, Feature> of(Analyzer analyzer, String title, String text) {
        return of(AnalyzedText.of(analyzer, ArticleIndex.TITLE, title), AnalyzedText.of(analyzer, ArticleIndex.TEXT, text));
    }

    /** The features of a title and text analyzed already, in the order first read (title first). */
    static Map<String, Feature> of(AnalyzedText title, AnalyzedText text) {
        Map<String, Feature> features = new LinkedHashMap<>();
        List<Token> titleTokens = tokens(title, WORDS_READ);
        List<Token> textTokens = tokens(text, WORDS_READ);
        add(features, titleTokens, i -> TITLE_WEIGHT);
        add(features, textTokens, i -> i < LEAD_WORDS ? LEAD_WEIGHT : 1);
        return Collections.unmodifiableMap(features);
    }

    /**
     * The features of a document as the index holds them (its story field's term vector): their
     * weights exact, their words as analyzed (normalized, stemmed) rather than as written.
     */
    static Map<String, Feature> indexed(Terms vector) throws IOException {
        Map<String, Feature> features = new LinkedHashMap<>();
        if (vector == null) {
            return features;
        }
        TermsEnum terms = vector.iterator();
        for (BytesRef term = terms.next(); term != null; term = terms.next()) {
            String key = term.utf8ToString();
            Kind kind = Kind.of(key);
            features.put(key, new Feature(key, kind, (int) terms.totalTermFreq(), key.substring(kind.prefix.length())));
        }
        return features;
    }

    private interface Weights {
        int at(int position);
    }

    private static void add(Map<String, Feature> features, List<Token> tokens, Weights weights) {
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            int weight = weights.at(i);
            if (isNumber(token.term())) {
                add(features, Kind.NUMBER, token.term(), weight, token.surface());
                continue;
            }
            add(features, Kind.WORD, token.term(), weight, token.surface());
            if (i + 1 < tokens.size() && !isNumber(tokens.get(i + 1).term()) && tokens.get(i + 1).adjacent()) {
                Token next = tokens.get(i + 1);
                add(features, Kind.PHRASE, token.term() + " " + next.term(), weight, token.surface() + " " + next.surface());
            }
        }
    }

    private static void add(Map<String, Feature> features, Kind kind, String term, int weight, String surface) {
        String key = kind.prefix + term;
        features.merge(key, new Feature(key, kind, weight, surface),
                (old, added) -> new Feature(key, kind, old.weight() + added.weight(), old.surface()));
    }

    /** A number of two digits or more (one digit is too common to tell stories apart), or with a fraction. */
    static boolean isNumber(String term) {
        if (term.isEmpty()) {
            return false;
        }
        int digits = 0;
        for (int i = 0; i < term.length(); i++) {
            char c = term.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c != '.' && c != ',') {
                return false;
            }
        }
        return digits >= 2 || (digits == 1 && term.length() > 1);
    }

    /** An analyzed word, the text it was read from, and whether it follows the previous one directly (no stop word or sentence between). */
    private record Token(String term, String surface, boolean adjacent) {}

    private static List<Token> tokens(AnalyzedText analyzed, int limit) {
        List<Token> tokens = new ArrayList<>();
        int previousEnd = -1;
        for (AnalyzedText.Token token : analyzed.tokens()) {
            if (tokens.size() == limit) {
                break;
            }
            boolean adjacent = previousEnd >= 0 && onlySpaceBetween(analyzed.text(), previousEnd, token.start());
            tokens.add(new Token(token.term(), analyzed.surface(token), adjacent));
            previousEnd = token.end();
        }
        return tokens;
    }

    /** Two words form a phrase when only spaces separate them: no stop word, no punctuation. */
    private static boolean onlySpaceBetween(String text, int from, int to) {
        if (to - from > 3) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
