package org.minbar.http;

import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import java.util.Locale;

/** Whether a request accepts gzip: listed (or "*" given) with a q-value above zero. */
final class AcceptEncoding {

    private AcceptEncoding() {}

    static boolean gzip(HeaderMap request) {
        if (!request.contains(Headers.ACCEPT_ENCODING)) {
            return false;
        }
        Double gzip = null;
        Double any = null;
        for (String header : request.get(Headers.ACCEPT_ENCODING)) {
            for (String part : header.split(",")) {
                String[] pieces = part.split(";");
                String coding = pieces[0].strip().toLowerCase(Locale.ROOT);
                double q = quality(pieces);
                if (coding.equals("gzip") || coding.equals("x-gzip")) {
                    gzip = q;
                } else if (coding.equals("*")) {
                    any = q;
                }
            }
        }
        return gzip != null ? gzip > 0 : any != null && any > 0;
    }

    private static double quality(String[] pieces) {
        for (int i = 1; i < pieces.length; i++) {
            String parameter = pieces[i].strip();
            if (parameter.startsWith("q=")) {
                try {
                    return Double.parseDouble(parameter.substring(2));
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
