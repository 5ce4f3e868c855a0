package org.minbar.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Parses a submitted page with Jsoup, which finds the charset from a byte order mark, a meta
 * charset or http-equiv tag, else reads UTF-8. Bodies that are empty or plainly binary are refused
 * before parsing, since Jsoup would read anything as HTML.
 */
final class HtmlDocuments {

    /** Bytes looked at for a NUL, which no HTML page in an 8-bit charset or UTF-8 has. */
    private static final int SNIFF = 1024;

    private HtmlDocuments() {}

    static Document parse(byte[] body, String baseUri) throws InvalidArticleException {
        if (new String(body, StandardCharsets.ISO_8859_1).isBlank()) {
            throw new InvalidArticleException("$", "is empty: send the article's HTML page");
        }
        if (isBinary(body)) {
            throw new InvalidArticleException("$", "is not an HTML page: it holds binary data");
        }
        try {
            return Jsoup.parse(new ByteArrayInputStream(body), null, baseUri);
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw new InvalidArticleException("$", "could not be read as HTML: " + e.getMessage());
        }
    }

    /** A NUL byte near the start, where no UTF-16 or UTF-32 byte order mark explains it. */
    private static boolean isBinary(byte[] body) {
        if (startsWith(body, 0xFE, 0xFF) || startsWith(body, 0xFF, 0xFE) || startsWith(body, 0x00, 0x00, 0xFE, 0xFF)) {
            return false;
        }
        for (int i = 0; i < Math.min(body.length, SNIFF); i++) {
            if (body[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] body, int... prefix) {
        if (body.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((body[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
