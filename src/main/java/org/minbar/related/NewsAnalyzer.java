package org.minbar.related;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.ar.ArabicNormalizationFilter;
import org.apache.lucene.analysis.ar.ArabicStemFilter;
import org.apache.lucene.analysis.core.DecimalDigitFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Lucene's Arabic analysis (standard tokens, lower case, Western digits, Arabic stop words,
 * normalization of alef, hamza, yaa and taa marbuta forms, no tashkeel or tatweel), then light
 * stemming that knows the lexicon (MorphologyFilter): broken plurals to their singulars, bare
 * one-letter prefixes, homographs kept apart. Without the lexicon, Lucene's own light stemming,
 * for measuring what the lexicon adds.
 */
final class NewsAnalyzer extends Analyzer {

    private static final String VERSION = "arabic-lexicon-3";

    private final ArabicLexicon lexicon;

    NewsAnalyzer(boolean withLexicon) {
        this.lexicon = withLexicon ? ArabicLexicon.load() : null;
    }

    /** Names the analysis, the lexicon's content included: an index built with another is rebuilt. */
    String version() {
        return lexicon == null ? "arabic-light-1" : VERSION + "/" + lexicon.fingerprint();
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream stream = new LowerCaseFilter(source);
        stream = new DecimalDigitFilter(stream);
        stream = new StopFilter(stream, ArabicAnalyzer.getDefaultStopSet());
        stream = new ArabicNormalizationFilter(stream);
        stream = lexicon == null ? new ArabicStemFilter(stream) : new MorphologyFilter(stream, lexicon);
        return new TokenStreamComponents(source, stream);
    }
}
