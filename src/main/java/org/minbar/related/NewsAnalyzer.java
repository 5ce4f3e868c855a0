package org.minbar.related;

import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
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
 * Arabic decimal and thousands separators (٫ ٬) as Western ones, so ٢٫٨ and 2.8 are one number;
 * then Lucene's Arabic analysis (standard tokens, lower case, Western digits, Arabic stop words,
 * normalization of alef, hamza, yaa and taa marbuta forms, no tashkeel or tatweel), then light
 * stemming that knows the lexicon (MorphologyFilter): broken plurals to their singulars, bare
 * one-letter prefixes, homographs kept apart. Without the lexicon, Lucene's own light stemming,
 * for measuring what the lexicon adds.
 */
final class NewsAnalyzer extends Analyzer {

    private static final String VERSION = "arabic-lexicon-5";

    private static final NormalizeCharMap SEPARATORS = separators();

    private final ArabicLexicon lexicon;

    NewsAnalyzer(boolean withLexicon) {
        this.lexicon = withLexicon ? ArabicLexicon.load() : null;
    }

    /** Names the analysis, the lexicon's content included: an index built with another is rebuilt. */
    String version() {
        return lexicon == null ? "arabic-light-1" : VERSION + "/" + lexicon.fingerprint();
    }

    private static NormalizeCharMap separators() {
        NormalizeCharMap.Builder map = new NormalizeCharMap.Builder();
        map.add("\u066B", ".");
        map.add("\u066C", ",");
        return map.build();
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return new MappingCharFilter(SEPARATORS, reader);
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
