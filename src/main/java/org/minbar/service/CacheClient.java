package org.minbar.service;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import org.minbar.model.SurrogateKeys;

/**
 * Asks one shared cache (Varnish with vmod xkey) to drop the documents filed under some keys:
 * {@code PURGE /} with {@code xkey-purge: k1 k2 …}, within a bounded time. Anything but a 2xx is a failure.
 */
final class CacheClient {

    /** How long connecting, and then the whole exchange, may take. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** Has the cache at {@code cache} drop every document filed under any of {@code keys}. */
    void purge(URI cache, Collection<String> keys) throws PurgeFailedException {
        HttpRequest request = HttpRequest.newBuilder(cache)
                .method("PURGE", HttpRequest.BodyPublishers.noBody())
                .header(SurrogateKeys.PURGE_HEADER, SurrogateKeys.header(keys))
                .timeout(REQUEST_TIMEOUT)
                .build();
        HttpResponse<Void> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new PurgeFailedException(cache + " could not be reached: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PurgeFailedException(cache + ": interrupted");
        }
        if (response.statusCode() / 100 != 2) {
            throw new PurgeFailedException(cache + " answered " + response.statusCode());
        }
    }

    /** A cache did not take a purge: it is tried again later. */
    static final class PurgeFailedException extends Exception {
        PurgeFailedException(String message) {
            super(message);
        }
    }
}
