package org.minbar.websub;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The hub's outgoing HTTP: verification of intent and denials (GET to the callback), content
 * distribution (POST of the feed to the callback) and publish pings to external hubs. Redirects
 * are never followed (a 3xx is a failure), every request has connect and response timeouts and a
 * deadline for the whole exchange, no more of an answer's body is read than judging it needs (the
 * challenge's length and one byte), and a callback's address is checked by the guard before each
 * request.
 */
public final class HubClient {

    /** How a request went: whether it succeeded, and if not, why, for the log and the outbox row. */
    public record Outcome(boolean ok, String problem) {
        static Outcome success() {
            return new Outcome(true, "");
        }

        static Outcome failure(String problem) {
            return new Outcome(false, problem);
        }
    }

    private final HttpClient client;
    private final CallbackGuard guard;
    private final Duration requestTimeout;
    /** The most a whole exchange may take, the answer's body included: connecting, then answering. */
    private final Duration deadline;

    public HubClient(CallbackGuard guard, Duration connectTimeout, Duration requestTimeout) {
        this.guard = guard;
        this.requestTimeout = requestTimeout;
        this.deadline = connectTimeout.plus(requestTimeout);
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout)
                .build();
    }

    /** WebSub §5.3: succeeds only on a 2xx whose body is exactly the challenge. */
    public Outcome verify(String callback, HubRequest.Mode mode, String topic, String challenge, Optional<Duration> lease) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("hub.mode", mode.value());
        query.put("hub.topic", topic);
        query.put("hub.challenge", challenge);
        lease.ifPresent(l -> query.put("hub.lease_seconds", String.valueOf(l.toSeconds())));
        byte[] expected = challenge.getBytes(StandardCharsets.UTF_8);
        return call(callback, get(callback, query), expected.length + 1, body -> Arrays.equals(body, expected) ? Outcome.success()
                : Outcome.failure("the callback answered without echoing the challenge"));
    }

    /** WebSub §5.2: tells the subscriber its request was refused, and why. */
    public Outcome deny(String callback, String topic, String reason) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("hub.mode", "denied");
        query.put("hub.topic", topic);
        query.put("hub.reason", reason);
        return call(callback, get(callback, query), 0, body -> Outcome.success());
    }

    /**
     * WebSub §7: POSTs the feed with its type, the hub and self Link headers and, when given, the
     * signature. Asynchronous, so a subscriber that takes its time to answer holds no thread.
     */
    public CompletableFuture<Outcome> deliver(String callback, byte[] body, String contentType, List<String> linkHeaders,
                                              Optional<String> signature) {
        Optional<String> refused = guard.refusal(callback);
        if (refused.isPresent()) {
            return CompletableFuture.completedFuture(Outcome.failure("the callback " + refused.get()));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(callback)).timeout(requestTimeout)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        linkHeaders.forEach(link -> request.header("Link", link));
        signature.ifPresent(s -> request.header("X-Hub-Signature", s));
        return sendAsync(request.build());
    }

    /**
     * Tells an external hub (configured, so not guarded) that a topic changed: hub.mode=publish
     * with hub.url and hub.topic. Asynchronous, like a delivery.
     */
    public CompletableFuture<Outcome> ping(String hub, String topic) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("hub.mode", "publish");
        form.put("hub.url", topic);
        form.put("hub.topic", topic);
        HttpRequest request = HttpRequest.newBuilder(URI.create(hub)).timeout(requestTimeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form))).build();
        return sendAsync(request);
    }

    private HttpRequest get(String callback, Map<String, String> query) {
        String url = callback + (callback.contains("?") ? "&" : "?") + form(query);
        return HttpRequest.newBuilder(URI.create(url)).timeout(requestTimeout).GET().build();
    }

    /** Verification and denials: the caller's thread waits, for no longer than the exchange's deadline. */
    private Outcome call(String callback, HttpRequest request, int bodyLimit, Function<byte[], Outcome> onSuccess) {
        Optional<String> refused = guard.refusal(callback);
        if (refused.isPresent()) {
            return Outcome.failure("the callback " + refused.get());
        }
        try {
            return exchange(request, bodyLimit, onSuccess).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.failure("interrupted while the server was stopping");
        } catch (ExecutionException e) {
            return failedFor(request, e.getCause());
        }
    }

    /** Sends the request without waiting; a 2xx succeeds, and the answer's body is never read. */
    private CompletableFuture<Outcome> sendAsync(HttpRequest request) {
        return exchange(request, 0, body -> Outcome.success());
    }

    /**
     * Sends the request and reads at most {@code bodyLimit} bytes of the answer (then the connection
     * is dropped), judging a 2xx by {@code onSuccess}. The whole exchange, body included, has a
     * deadline: an answer that trickles in without end is abandoned there.
     */
    private CompletableFuture<Outcome> exchange(HttpRequest request, int bodyLimit, Function<byte[], Outcome> onSuccess) {
        AtomicReference<BoundedBody> reading = new AtomicReference<>();
        return client.sendAsync(request, answer -> {
                    BoundedBody body = new BoundedBody(bodyLimit);
                    reading.set(body);
                    return body;
                })
                .orTimeout(deadline.toMillis(), TimeUnit.MILLISECONDS)
                .handle((response, failure) -> {
                    if (failure != null) {
                        Optional.ofNullable(reading.get()).ifPresent(BoundedBody::abandon);
                        return failedFor(request, failure instanceof CompletionException && failure.getCause() != null
                                ? failure.getCause() : failure);
                    }
                    return response.statusCode() / 100 == 2 ? onSuccess.apply(response.body())
                            : refusedBy(request, response.statusCode());
                });
    }

    private static Outcome refusedBy(HttpRequest request, int status) {
        return Outcome.failure(request.method() + " " + request.uri().getHost() + " answered " + status);
    }

    private static Outcome failedFor(HttpRequest request, Throwable e) {
        return Outcome.failure(request.method() + " " + request.uri().getHost() + " failed: "
                + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
    }

    private static String form(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
