package org.minbar.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Optional;

/**
 * Whether an article's derived data (search index, related stories) is done, as the server tells
 * it: GET /api/articles/{id} with {@code "derived": {"pending": false}}, or, on a server without
 * that field, a search for the word only that article contains finding it.
 */
final class Derived {

    static final String FIELD = "derived.pending";
    static final String SEARCH = "search";
    private static final Duration POLL = Duration.ofMillis(100);

    private final MinbarClient client;

    Derived(MinbarClient client) {
        this.client = client;
    }

    /** How this server can be asked: {@link #FIELD} or {@link #SEARCH}. */
    String detection(long id) throws Exception {
        Optional<JsonNode> article = client.article(id);
        return article.isPresent() && article.get().has("derived") ? FIELD : SEARCH;
    }

    boolean done(PublishLoad.Newest article, String detection) throws Exception {
        if (detection.equals(SEARCH)) {
            return client.searchFinds(article.name(), article.id());
        }
        return done(article.id());
    }

    /** Polls until the article's derived data is done or {@code cap} passes; whether it was done. */
    boolean await(PublishLoad.Newest article, String detection, Duration cap) throws Exception {
        long deadline = System.nanoTime() + cap.toNanos();
        while (!done(article, detection)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(POLL.toMillis());
        }
        return true;
    }

    /** Articles after {@code before} up to {@code last} already derived, assuming id order ({@link #FIELD} only, else 0). */
    long doneAfter(long before, long last, String detection) throws Exception {
        if (!detection.equals(FIELD)) {
            return 0;
        }
        long low = before;
        long high = last;
        while (low < high) {
            long middle = low + (high - low + 1) / 2;
            if (done(middle)) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low - before;
    }

    private boolean done(long id) throws Exception {
        Optional<JsonNode> json = client.article(id);
        return json.isPresent() && !json.get().path("derived").path("pending").asBoolean(true);
    }
}
