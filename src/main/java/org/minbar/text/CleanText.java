package org.minbar.text;

import java.text.Normalizer;

/**
 * Makes text safe to store and to put in any XML document: removes the characters XML 1.0
 * forbids (control characters, unpaired surrogates, U+FFFE/U+FFFF) and normalizes to NFC.
 */
public final class CleanText {

    private CleanText() {}

    public static String of(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    out.append(c).append(text.charAt(i + 1));
                    i++;
                }
            } else if (!Character.isLowSurrogate(c) && isXmlChar(c)) {
                out.append(c);
            }
        }
        return Normalizer.normalize(out, Normalizer.Form.NFC);
    }

    /**
     * Text for a one-line field (a title, a name, a summary): cleaned, with runs of white space made
     * one space and directional controls balanced, so none reaches past the field.
     */
    public static String line(String text) {
        return BidiControls.balanced(of(text).replaceAll("[\\s\\p{Z}]+", " ").strip());
    }

    static boolean isXmlChar(char c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
    }
}
