package org.minbar;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.minbar.storage.StoreLocation;

/** Everything the serve command was told, before validation against the feeds/ folder. */
public record ServerSettings(
        String host,
        int port,
        Path storage,
        StoreLocation store,
        Optional<String> baseUrl,
        Optional<String> token,
        Path feeds,
        Optional<Path> seeds,
        int cacheMaxAgeSeconds,
        int maxBodyBytes,
        boolean accessLog,
        boolean countPolls,
        List<URI> purgeUrls) {

    public ServerSettings {
        purgeUrls = List.copyOf(purgeUrls);
    }
}
