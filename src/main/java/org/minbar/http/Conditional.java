package org.minbar.http;

import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.minbar.text.HttpDates;

/**
 * Conditional GET by RFC 9110: If-None-Match (weak comparison, any listed tag or "*") takes
 * precedence; only without it does If-Modified-Since count, matching when the document is not
 * newer than the date given. The gzip form's ETag ends in "-gz" and matches the same document.
 */
final class Conditional {

    static final String GZIP_SUFFIX = "-gz";

    private Conditional() {}

    static boolean notModified(HeaderMap request, String etag, Instant lastModified) {
        if (request.contains(Headers.IF_NONE_MATCH)) {
            for (String header : request.get(Headers.IF_NONE_MATCH)) {
                for (String tag : header.split(",")) {
                    if (sameDocument(tag.strip(), etag)) {
                        return true;
                    }
                }
            }
            return false;
        }
        String since = request.getFirst(Headers.IF_MODIFIED_SINCE);
        if (since == null) {
            return false;
        }
        Optional<Instant> date = HttpDates.parse(since);
        return date.isPresent() && !lastModified.truncatedTo(ChronoUnit.SECONDS).isAfter(date.get());
    }

    static String gzipTag(String etag) {
        return etag.substring(0, etag.length() - 1) + GZIP_SUFFIX + "\"";
    }

    private static boolean sameDocument(String tag, String etag) {
        if (tag.equals("*")) {
            return true;
        }
        String opaque = tag.startsWith("W/") ? tag.substring(2) : tag;
        return opaque.equals(etag) || opaque.equals(gzipTag(etag));
    }
}
