package org.minbar.related;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.ar.ArabicNormalizationFilter;
import org.apache.lucene.analysis.ar.ArabicStemFilter;
import org.apache.lucene.analysis.core.DecimalDigitFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Lucene's Arabic analysis (the chain of its ArabicAnalyzer: standard tokens, lower case, Western
 * digits, Arabic stop words, normalization, light stemming), followed, when asked, by a mapping of
 * broken plurals to their singulars (broken-plurals.tsv), which light stemming cannot relate:
 * صواريخ and صاروخ, أسلحة and سلاح come to the same term.
 */
final class NewsAnalyzer extends Analyzer {

    /** Recorded with the index: an index built with other analysis is rebuilt. */
    static final String VERSION = "arabic-light+broken-plurals+names-2";

    private final Map<String, String> plurals;

    NewsAnalyzer(boolean brokenPlurals) {
        this.plurals = brokenPlurals ? loadPlurals() : Map.of();
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream stream = base(source);
        if (!plurals.isEmpty()) {
            stream = new PluralFilter(stream, plurals);
        }
        return new TokenStreamComponents(source, stream);
    }

    private static TokenStream base(Tokenizer source) {
        TokenStream stream = new LowerCaseFilter(source);
        stream = new DecimalDigitFilter(stream);
        stream = new StopFilter(stream, ArabicAnalyzer.getDefaultStopSet());
        stream = new ArabicNormalizationFilter(stream);
        return new ArabicStemFilter(stream);
    }

    /** Stemmed plural → stemmed singular, both analyzed by the base chain so they meet the text's terms. */
    private static Map<String, String> loadPlurals() {
        Map<String, String> plurals = new HashMap<>();
        try (Analyzer base = new Analyzer() {
                @Override
                protected TokenStreamComponents createComponents(String fieldName) {
                    Tokenizer source = new StandardTokenizer();
                    return new TokenStreamComponents(source, base(source));
                }
            };
             InputStream in = NewsAnalyzer.class.getResourceAsStream("/related/broken-plurals.tsv");
             BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] pair = line.split("\t");
                String plural = single(base, pair[0]);
                String singular = single(base, pair[1]);
                if (plural != null && singular != null && !plural.equals(singular)) {
                    plurals.put(plural, singular);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the broken-plural list could not be read", e);
        }
        return plurals;
    }

    private static String single(Analyzer analyzer, String word) {
        return AnalyzedTerms.of(analyzer, "", word).stream().findFirst().orElse(null);
    }

    /** Replaces a plural's term by its singular's. */
    private static final class PluralFilter extends TokenFilter {
        private final Map<String, String> plurals;
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        PluralFilter(TokenStream input, Map<String, String> plurals) {
            super(input);
            this.plurals = plurals;
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            String singular = plurals.get(term.toString());
            if (singular != null) {
                term.setEmpty().append(singular);
            }
            return true;
        }
    }
}
