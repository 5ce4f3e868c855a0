package org.minbar.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Simple Arabic normalization and light stemming written for the tests, independent of the
 * server's analysis: the baseline related-story ranking (TfIdfBaseline) and the ground truth of
 * search probes stand on it. Tashkeel and tatweel removed, alef forms as bare alef, alef maqsura
 * as yaa, taa marbuta as haa, Arabic-Indic digits as Western ones.
 */
public final class PlainArabic {

    private static final String[] PREFIXES = {"وال", "فال", "بال", "كال", "لل", "ال", "و"};
    private static final String[] SUFFIXES = {"ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"};

    private PlainArabic() {}

    public static String normalize(String word) {
        StringBuilder out = new StringBuilder(word.length());
        for (char c : word.toLowerCase(Locale.ROOT).toCharArray()) {
            if ((c >= '\u064B' && c <= '\u0652') || c == '\u0670' || c == '\u0640') {
                continue; // tashkeel, dagger alef, tatweel
            }
            switch (c) {
                case 'أ', 'إ', 'آ', 'ٱ' -> out.append('ا');
                case 'ى' -> out.append('ي');
                case 'ة' -> out.append('ه');
                case '٫' -> out.append('.');
                default -> {
                    if (c >= '\u0660' && c <= '\u0669') {
                        out.append((char) ('0' + (c - '\u0660')));
                    } else if (c >= '\u06F0' && c <= '\u06F9') {
                        out.append((char) ('0' + (c - '\u06F0')));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** The normalized words of a text: runs of letters, and runs of digits (with a decimal point between digits). */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        String normal = normalize(text);
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < normal.length(); i++) {
            char c = normal.charAt(i);
            boolean decimal = c == '.' && word.length() > 0 && Character.isDigit(word.charAt(word.length() - 1))
                    && i + 1 < normal.length() && Character.isDigit(normal.charAt(i + 1));
            char last = word.length() == 0 ? c : word.charAt(word.length() - 1);
            boolean sameKind = decimal || Character.isDigit(c) == (Character.isDigit(last) || last == '.');
            if ((Character.isLetterOrDigit(c) || decimal) && !sameKind) {
                words.add(word.toString()); // و340, الـ٢٢: a number glued to a prefix is still the number
                word.setLength(0);
            }
            if (Character.isLetterOrDigit(c) || decimal) {
                word.append(c);
            } else if (word.length() > 0) {
                words.add(word.toString());
                word.setLength(0);
            }
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }

    /** Light stemming: one article/conjunction prefix and one suffix, leaving at least three letters. */
    public static String stem(String word) {
        String stem = word;
        for (String prefix : PREFIXES) {
            if (stem.startsWith(prefix) && stem.length() - prefix.length() >= 3) {
                stem = stem.substring(prefix.length());
                break;
            }
        }
        for (String suffix : SUFFIXES) {
            if (stem.endsWith(suffix) && stem.length() - suffix.length() >= 3) {
                stem = stem.substring(0, stem.length() - suffix.length());
                break;
            }
        }
        return stem;
    }

    /**
     * Whether a normalized word is one of these normalized stems once clitics are taken off: an
     * optional و or ف, an optional ب ل or ك, an optional ال (or لل), and an optional suffix.
     */
    public static boolean isFormOf(String word, List<String> stems) {
        for (String conjunction : new String[] {"", "و", "ف"}) {
            if (!word.startsWith(conjunction)) {
                continue;
            }
            String a = word.substring(conjunction.length());
            for (String preposition : new String[] {"", "ب", "ل", "ك"}) {
                if (!a.startsWith(preposition)) {
                    continue;
                }
                String b = a.substring(preposition.length());
                for (String article : new String[] {"", "ال", "ل"}) {
                    if (!b.startsWith(article) || (article.equals("ل") && !preposition.equals("ل"))) {
                        continue;
                    }
                    String c = b.substring(article.length());
                    for (String suffix : new String[] {"", "ه", "ها", "هم", "هما", "ي", "ان", "ين", "ون", "ات", "اتها", "اته", "يه", "تها", "ته", "تهم"}) {
                        if (c.endsWith(suffix) && stems.contains(c.substring(0, c.length() - suffix.length()))) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }
}
