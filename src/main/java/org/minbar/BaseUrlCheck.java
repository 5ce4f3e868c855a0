package org.minbar;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether the site's base URL names this machine at a port the server does not listen on: every
 * link in every feed and page would then lead nowhere (as `--port 18102` with the default
 * site.json, whose links name :8080). A public name is never questioned: a proxy in front of the
 * server may well listen on another port.
 */
final class BaseUrlCheck {

    private BaseUrlCheck() {}

    static Optional<String> mismatch(String baseUrl, int listeningPort) {
        URI uri;
        try {
            uri = URI.create(baseUrl);
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // checked where it is read
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        boolean thisMachine = host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
        if (!thisMachine) {
            return Optional.empty();
        }
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        if (port == listeningPort) {
            return Optional.empty();
        }
        return Optional.of("the base URL " + baseUrl + " names port " + port + " of this machine, but the server listens on port "
                + listeningPort + ": every link in the feeds and pages leads there. Give the address readers use with --base-url"
                + " (MINBAR_BASE_URL) or baseUrl in site.json");
    }
}
