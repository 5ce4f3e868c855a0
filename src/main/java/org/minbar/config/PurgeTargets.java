package org.minbar.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The shared caches to purge (--purge-url, MINBAR_PURGE_URL): absolute http(s) addresses,
 * separated by commas, such as {@code http://127.0.0.1:6081/}. None given: nothing is purged.
 */
public final class PurgeTargets {

    private PurgeTargets() {}

    /** The addresses in {@code written}, each checked; an empty list for nothing (null or blank). */
    public static List<URI> parse(String written) {
        List<URI> caches = new ArrayList<>();
        if (written == null || written.isBlank()) {
            return caches;
        }
        for (String part : written.split(",")) {
            String address = part.strip();
            if (address.isEmpty()) {
                throw new ConfigException("--purge-url (MINBAR_PURGE_URL) has an empty address between commas: '" + written + "'");
            }
            caches.add(checked(address));
        }
        return List.copyOf(caches);
    }

    private static URI checked(String address) {
        URI uri;
        try {
            uri = new URI(address);
        } catch (URISyntaxException e) {
            throw new ConfigException("--purge-url (MINBAR_PURGE_URL): '" + address + "' is not an address: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawUserInfo() != null
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new ConfigException("--purge-url (MINBAR_PURGE_URL): '" + address
                    + "' must be an absolute http or https address of a cache, such as http://127.0.0.1:6081/");
        }
        return uri.getRawPath() == null || uri.getRawPath().isEmpty() ? uri.resolve("/") : uri;
    }
}
