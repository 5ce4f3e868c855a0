package org.minbar.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Arabic normalization. {@link #forSlug} folds only what writers vary without meaning a different
 * word (diacritics, tatweel, the hamza forms of alef, digit shapes, presentation forms), so slugs
 * stay readable; {@link #forMatching} folds further (taa marbuta, alef maqsura, hamza seats,
 * Persian letter shapes) for comparing words the way a reader would.
 */
public final class ArabicText {

    private ArabicText() {}

    public static String forSlug(String text) {
        String compatible = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(compatible.length());
        compatible.codePoints().forEach(cp -> {
            if (isDiacritic(cp) || cp == TATWEEL || isInvisibleFormat(cp)) {
                return;
            }
            out.appendCodePoint(foldForSlug(cp));
        });
        return Normalizer.normalize(out.toString(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    public static String forMatching(String text) {
        String slugForm = forSlug(text);
        StringBuilder out = new StringBuilder(slugForm.length());
        slugForm.codePoints().forEach(cp -> out.appendCodePoint(foldForMatching(cp)));
        return out.toString();
    }

    static final int TATWEEL = 0x0640;

    /** Harakat, tanween, shadda, sukun, superscript alef and the Quranic annotation marks. */
    static boolean isDiacritic(int cp) {
        return (cp >= 0x0610 && cp <= 0x061A)
                || (cp >= 0x064B && cp <= 0x065F)
                || cp == 0x0670
                || (cp >= 0x06D6 && cp <= 0x06DC)
                || (cp >= 0x06DF && cp <= 0x06E4)
                || cp == 0x06E7 || cp == 0x06E8
                || (cp >= 0x06EA && cp <= 0x06ED);
    }

    /** Zero-width and bidirectional controls: invisible, and never part of a word. */
    static boolean isInvisibleFormat(int cp) {
        return (cp >= 0x200B && cp <= 0x200F)
                || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2066 && cp <= 0x2069)
                || cp == 0x061C || cp == 0xFEFF || cp == 0x00AD;
    }

    private static int foldForSlug(int cp) {
        switch (cp) {
            case 0x0622: // آ
            case 0x0623: // أ
            case 0x0625: // إ
            case 0x0671: // ٱ
                return 0x0627; // ا
            default:
                break;
        }
        if (cp >= 0x0660 && cp <= 0x0669) { // Arabic-Indic digits
            return '0' + (cp - 0x0660);
        }
        if (cp >= 0x06F0 && cp <= 0x06F9) { // Extended Arabic-Indic (Persian/Urdu) digits
            return '0' + (cp - 0x06F0);
        }
        return cp;
    }

    private static int foldForMatching(int cp) {
        switch (cp) {
            case 0x0629: return 0x0647; // ة → ه
            case 0x0649: return 0x064A; // ى → ي
            case 0x0624: return 0x0648; // ؤ → و
            case 0x0626: return 0x064A; // ئ → ي
            case 0x06CC: return 0x064A; // Persian yeh → ي
            case 0x06A9: return 0x0643; // Persian keheh → ك
            default: return cp;
        }
    }
}
