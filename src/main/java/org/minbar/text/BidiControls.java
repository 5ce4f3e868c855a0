package org.minbar.text;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Keeps Unicode's explicit directional controls balanced (UAX #9): every embedding or override
 * (LRE, RLE, LRO, RLO) is closed by a PDF and every isolate (LRI, RLI, FSI) by a PDI within the
 * same text, so a title or name that opens one cannot reverse the rest of a feed reader's line or
 * page. A closer with nothing to close is dropped; what is left open is closed at the end.
 */
public final class BidiControls {

    private static final char LRE = '\u202A';
    private static final char RLE = '\u202B';
    private static final char PDF = '\u202C';
    private static final char LRO = '\u202D';
    private static final char RLO = '\u202E';
    private static final char LRI = '\u2066';
    private static final char RLI = '\u2067';
    private static final char FSI = '\u2068';
    private static final char PDI = '\u2069';

    private BidiControls() {}

    public static String balanced(String text) {
        if (!hasControl(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 4);
        Deque<Character> open = new ArrayDeque<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isEmbedding(c) || isIsolate(c)) {
                open.push(c);
                out.append(c);
            } else if (c == PDF) {
                if (!open.isEmpty() && isEmbedding(open.peek())) {
                    open.pop();
                    out.append(c);
                }
            } else if (c == PDI) {
                if (open.stream().anyMatch(BidiControls::isIsolate)) {
                    while (!isIsolate(open.peek())) {
                        open.pop();
                        out.append(PDF);
                    }
                    open.pop();
                    out.append(c);
                }
            } else {
                out.append(c);
            }
        }
        while (!open.isEmpty()) {
            out.append(isIsolate(open.pop()) ? PDI : PDF);
        }
        return out.toString();
    }

    /** Whether the text holds any explicit directional control. */
    public static boolean hasControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= LRE && c <= RLO) || (c >= LRI && c <= PDI)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isEmbedding(char c) {
        return c == LRE || c == RLE || c == LRO || c == RLO;
    }

    private static boolean isIsolate(char c) {
        return c == LRI || c == RLI || c == FSI;
    }
}
