package org.minbar.text;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Accepts an absolute http(s) address, possibly an IRI with Arabic in its path or host, and
 * returns it as an ASCII URI: the path, query and fragment percent-encoded as UTF-8, the host in
 * punycode. Feeds carry only such URIs.
 */
public final class WebAddresses {

    public static final int MAX_LENGTH = 2048;

    private WebAddresses() {}

    /** @throws IllegalArgumentException with a message saying what is wrong with the address */
    public static String toUri(String raw) {
        String trimmed = raw.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("must not be empty");
        }
        int schemeEnd = trimmed.indexOf("://");
        String scheme = schemeEnd > 0 ? trimmed.substring(0, schemeEnd).toLowerCase(Locale.ROOT) : "";
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("must be an absolute http or https URL");
        }
        String rest = trimmed.substring(schemeEnd + 3);
        int authorityEnd = indexOfAny(rest, "/?#");
        String authority = authorityEnd < 0 ? rest : rest.substring(0, authorityEnd);
        String tail = authorityEnd < 0 ? "" : rest.substring(authorityEnd);
        String ascii = scheme + "://" + asciiAuthority(authority) + encodeNonAscii(tail);
        if (ascii.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("must be at most " + MAX_LENGTH + " characters");
        }
        try {
            URI uri = new URI(ascii);
            if (uri.getHost() == null || uri.getHost().isEmpty()) {
                throw new IllegalArgumentException("must name a host");
            }
            return uri.toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not a valid URL: " + e.getReason());
        }
    }

    private static String asciiAuthority(String authority) {
        if (authority.contains("@")) {
            throw new IllegalArgumentException("must not carry a user name or password");
        }
        int portStart = authority.startsWith("[") ? authority.indexOf(':', authority.indexOf(']')) : authority.lastIndexOf(':');
        String host = portStart < 0 ? authority : authority.substring(0, portStart);
        String port = portStart < 0 ? "" : authority.substring(portStart);
        if (host.isEmpty()) {
            throw new IllegalArgumentException("must name a host");
        }
        try {
            String asciiHost = host.startsWith("[") ? host : IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
            return asciiHost.toLowerCase(Locale.ROOT) + port;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("has an invalid host name");
        }
    }

    /** Percent-encodes what may not stand in a URI as it is, keeping existing escapes. */
    private static String encodeNonAscii(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp > 0x20 && cp < 0x7F && "\"<>\\^`{|}".indexOf(cp) < 0) {
                out.append((char) cp);
            } else {
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(String.format("%02X", b & 0xFF));
                }
            }
        });
        return out.toString();
    }

    private static int indexOfAny(String text, String chars) {
        for (int i = 0; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
