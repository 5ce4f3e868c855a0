package org.minbar.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

// Covers PurgeTargets: --purge-url's comma-separated cache addresses, and the messages for bad ones.
class PurgeTargetsTest {

    @Test
    void nothingGivenPurgesNothing() {
        assertEquals(List.of(), PurgeTargets.parse(null));
        assertEquals(List.of(), PurgeTargets.parse("  "));
    }

    @Test
    void severalCachesAreSeparatedByCommasAndABareHostPurgesAtTheRoot() {
        assertEquals(List.of(URI.create("http://127.0.0.1:6081/"), URI.create("https://cache.example/varnish/")),
                PurgeTargets.parse("http://127.0.0.1:6081, https://cache.example/varnish/"));
    }

    @Test
    void anAddressThatIsNotAnHttpCacheIsRefusedWithItsName() {
        ConfigException e = assertThrows(ConfigException.class, () -> PurgeTargets.parse("http://127.0.0.1:6081/,ftp://x/"));
        assertEquals("--purge-url (MINBAR_PURGE_URL): 'ftp://x/' must be an absolute http or https address of a cache,"
                + " such as http://127.0.0.1:6081/", e.getMessage());
        e = assertThrows(ConfigException.class, () -> PurgeTargets.parse("http://a/,,http://b/"));
        assertEquals("--purge-url (MINBAR_PURGE_URL) has an empty address between commas: 'http://a/,,http://b/'", e.getMessage());
    }
}
