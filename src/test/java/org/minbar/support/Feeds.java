package org.minbar.support;

import java.nio.file.Path;

/** The repository's feeds/ configuration for tests outside this package, prepared as {@link TestServer} uses it. */
public final class Feeds {

    private Feeds() {}

    /** A copy of feeds/ beside the storage folder, without site.json's baseUrl; the same folder TestServer.start(storage) uses. */
    public static Path withoutBaseUrl(Path storage) {
        return TestServer.feedsWithoutBaseUrl(storage);
    }
}
