package org.minbar.related;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ar.ArabicStemmer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Light stemming that knows the lexicon, on normalized words: the article and conjunction
 * prefixes Lucene's Arabic stemmer takes off (ال، وال، بال، كال، فال، لل، و); then a bare ب ل ك or
 * ف when the rest is a word and the whole is not (لقذائف, بصاروخ; never لجنة or بنك); then a broken
 * plural, bare or before one suffix (قذائفها), becomes its singular; last the suffixes. The plural
 * is looked up before suffixes are cut, so أسرى (prisoners, to أسير) and أسرة (family) stay apart
 * where stemming alone makes both اسر.
 */
final class MorphologyFilter extends TokenFilter {

    private static final String BARE_PREFIXES = "بلكف";
    /** Pronouns a broken plural takes (قذائفها); not ي, which also makes adjectives (مدني is not مدن). */
    private static final String[] PRONOUNS = {"هما", "هم", "ها", "ه"};
    /** Endings of a known word's inflected forms, for telling whether a word is known. */
    private static final String[] SUFFIXES = {"هما", "هم", "ها", "ه", "ي", "ان", "ين", "ون", "ات", "يه", "يين", "يون"};
    private static final int SHORTEST_STEM = 3;

    private final ArabicLexicon lexicon;
    private final ArabicStemmer stemmer = new ArabicStemmer();
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    MorphologyFilter(TokenStream input, ArabicLexicon lexicon) {
        super(input);
        this.lexicon = lexicon;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        String stemmed = stem(term.toString());
        term.setEmpty().append(stemmed);
        return true;
    }

    String stem(String word) {
        String singular = lexicon.singularOf(word);
        if (singular != null) {
            return suffixes(singular);
        }
        char[] chars = word.toCharArray();
        String rest = new String(chars, 0, stemmer.stemPrefix(chars, chars.length));
        String bare = bare(rest);
        singular = singularOfInflected(bare);
        return suffixes(singular != null ? singular : bare);
    }

    /** The singular of a broken plural, bare or before one suffix (قذائفها); null for any other word. */
    private String singularOfInflected(String word) {
        String singular = lexicon.singularOf(word);
        for (int i = 0; singular == null && i < PRONOUNS.length; i++) {
            String suffix = PRONOUNS[i];
            if (word.endsWith(suffix) && word.length() - suffix.length() >= SHORTEST_STEM) {
                singular = lexicon.singularOf(word.substring(0, word.length() - suffix.length()));
            }
        }
        return singular;
    }

    /** Whether the lexicon knows the word, bare or before one suffix. */
    private boolean known(String word) {
        if (lexicon.isWord(word)) {
            return true;
        }
        for (String suffix : SUFFIXES) {
            if (word.endsWith(suffix) && word.length() - suffix.length() >= SHORTEST_STEM
                    && lexicon.isWord(word.substring(0, word.length() - suffix.length()))) {
                return true;
            }
        }
        return false;
    }

    /** The word without a bare preposition or conjunction of one letter, when that leaves a known word and the whole is none. */
    private String bare(String word) {
        if (word.length() - 1 < SHORTEST_STEM || BARE_PREFIXES.indexOf(word.charAt(0)) < 0 || known(word)) {
            return word;
        }
        String rest = word.substring(1);
        return known(rest) ? rest : word;
    }

    private String suffixes(String word) {
        char[] chars = word.toCharArray();
        return new String(chars, 0, stemmer.stemSuffix(chars, chars.length));
    }
}
