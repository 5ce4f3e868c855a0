package org.minbar.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Which publisher guids may be the id of an entry in every feed format: an http(s) address with a
 * host, a URN of RFC 8141's form or a tag URI of RFC 4151's, in ASCII and without spaces (the W3C
 * feed validator's InvalidURN and InvalidTAG rules, and a few more). Any other guid is still kept
 * to match updates, but feeds name the article by a UUID URN instead; for a guid stored before this
 * rule, one derived from the guid, so its id never changes again.
 */
public final class EntryIds {

    private static final Pattern URN = Pattern.compile(
            "urn:[a-z0-9][a-z0-9-]{1,31}:(?:[a-z0-9()+,.:=@;$_!*'-]|%[0-9a-f]{2})+", Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG = Pattern.compile(
            "tag:(?:[a-z0-9._-]+@)?[a-z0-9.-]+,\\d{4}(?:-\\d{2}(?:-\\d{2})?)?:[0-9a-z;/?:@&=+$._!~*'()%,-]*"
                    + "(?:#[0-9a-z;/?:@&=+$._!~*'()%,-]*)?", Pattern.CASE_INSENSITIVE);

    private EntryIds() {}

    /** Whether this guid can be used as it is. */
    public static boolean isUsable(String guid) {
        if (guid == null || guid.isEmpty() || guid.length() > 2_048) {
            return false;
        }
        for (int i = 0; i < guid.length(); i++) {
            char c = guid.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                return false;
            }
        }
        URI uri;
        try {
            uri = new URI(guid);
        } catch (URISyntaxException e) {
            return false;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return switch (scheme) {
            case "http", "https" -> uri.getHost() != null && !uri.getHost().isEmpty();
            case "urn" -> URN.matcher(guid).matches();
            case "tag" -> TAG.matcher(guid).matches();
            default -> false;
        };
    }

    /** A new article's entry id: its guid where usable, else a random UUID URN. */
    public static String forNew(String guid) {
        return isUsable(guid) ? guid : "urn:uuid:" + UUID.randomUUID();
    }

    /** A stored entry id as feeds show it: unchanged when usable, else a UUID URN derived from it (stable). */
    public static String shown(String stored) {
        return isUsable(stored) ? stored
                : "urn:uuid:" + UUID.nameUUIDFromBytes(("minbar:" + stored).getBytes(StandardCharsets.UTF_8));
    }
}
