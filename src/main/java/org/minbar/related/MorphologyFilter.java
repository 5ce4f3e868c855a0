package org.minbar.related;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ar.ArabicStemmer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Light stemming that knows the lexicon, on normalized words: the article and conjunction
 * prefixes Lucene's Arabic stemmer takes off (ال، وال، بال، كال، فال، لل، و), but not the و that
 * begins a known word (وزير is not و before زير); a number without the prefixes glued to it; then a bare ب ل ك or
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
    /** Letters of the prefixes a number takes (و ف ب ك ل ال, وبال…), at most four of them. */
    private static final String NUMBER_PREFIXES = "وفبكلا";
    private static final int NUMBER_PREFIX_LETTERS = 4;

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
        String number = numberAfterPrefixes(word);
        if (number != null) {
            return number;
        }
        String singular = lexicon.singularOf(word);
        if (singular != null) {
            return suffixes(singular);
        }
        char[] chars = word.toCharArray();
        int kept = stemmer.stemPrefix(chars, chars.length);
        // Lucene takes a leading و for «and»; keep it where it begins a known word (وزير, وديعة, وقف).
        String rest = kept == chars.length - 1 && known(word) ? word : new String(chars, 0, kept);
        String plural = conjoinedPlural(word, rest);
        if (plural != null) {
            return suffixes(plural);
        }
        String bare = bare(rest);
        singular = singularOfInflected(bare);
        return suffixes(singular != null ? singular : bare);
    }

    /** The number in و15، بـ45، الـ40 (tatweel is gone by now): the prefixes are glued to it, not part of it. */
    private static String numberAfterPrefixes(String word) {
        int start = 0;
        while (start < word.length() && start < NUMBER_PREFIX_LETTERS && NUMBER_PREFIXES.indexOf(word.charAt(start)) >= 0) {
            start++;
        }
        if (start == 0 || start == word.length() || !Character.isDigit(word.charAt(start))) {
            return null;
        }
        for (int i = start; i < word.length(); i++) {
            char c = word.charAt(i);
            if (!Character.isDigit(c) && c != '.' && c != ',') {
                return null;
            }
        }
        return word.substring(start);
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

    /**
     * The singular of a plural that starts with ال after one prefix letter, which Lucene takes for
     * وال، بال، كال or فال: وألغام and بألغام are و or ب before ألغام (normalized الغام), not before غام.
     */
    private String conjoinedPlural(String word, String rest) {
        if (rest.length() + 3 != word.length() || singularOfInflected(rest) != null) {
            return null;
        }
        return singularOfInflected(word.substring(1));
    }

    /** Whether the lexicon knows the word, bare or before one suffix. */
    private boolean known(String word) {
        return lexicon.isWord(word) || knownInflected(word);
    }

    /** Whether the lexicon knows the word before one suffix. */
    private boolean knownInflected(String word) {
        for (String suffix : SUFFIXES) {
            if (word.endsWith(suffix) && word.length() - suffix.length() >= SHORTEST_STEM
                    && lexicon.isWord(word.substring(0, word.length() - suffix.length()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The word without a bare preposition or conjunction of one letter, when that leaves a word the
     * lexicon knows better than the whole: a word as it stands before one read with a suffix
     * (بقريه is ب before قرية, not بقري before ه), then one read with a suffix before none.
     */
    private String bare(String word) {
        if (word.length() - 1 < SHORTEST_STEM || BARE_PREFIXES.indexOf(word.charAt(0)) < 0 || lexicon.isWord(word)) {
            return word;
        }
        String rest = word.substring(1);
        if (lexicon.isWord(rest)) {
            return rest;
        }
        return !knownInflected(word) && knownInflected(rest) ? rest : word;
    }

    private String suffixes(String word) {
        char[] chars = word.toCharArray();
        return new String(chars, 0, stemmer.stemSuffix(chars, chars.length));
    }
}
