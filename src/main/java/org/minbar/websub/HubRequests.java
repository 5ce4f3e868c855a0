package org.minbar.websub;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.minbar.text.WebAddresses;

/** Checks the form parameters of a subscription request (WebSub §5.1) and turns them into a {@link HubRequest}. */
public final class HubRequests {

    /** WebSub §5.1: hub.secret MUST be less than 200 bytes. */
    static final int MAX_SECRET_BYTES = 199;
    static final int MAX_TOPIC_CHARS = WebAddresses.MAX_LENGTH;

    private HubRequests() {}

    public static HubRequest parse(Map<String, List<String>> form) throws BadHubRequestException {
        String mode = required(form, "hub.mode");
        HubRequest.Mode parsedMode = switch (mode) {
            case "subscribe" -> HubRequest.Mode.SUBSCRIBE;
            case "unsubscribe" -> HubRequest.Mode.UNSUBSCRIBE;
            default -> throw new BadHubRequestException("hub.mode",
                    "must be subscribe or unsubscribe (got '" + shown(mode) + "')");
        };
        String topic = required(form, "hub.topic");
        if (topic.length() > MAX_TOPIC_CHARS) {
            throw new BadHubRequestException("hub.topic", "must be at most " + MAX_TOPIC_CHARS + " characters");
        }
        String callback = callback(required(form, "hub.callback"));
        OptionalLong lease = optional(form, "hub.lease_seconds").isEmpty() ? OptionalLong.empty()
                : OptionalLong.of(lease(optional(form, "hub.lease_seconds").get()));
        Optional<String> secret = optional(form, "hub.secret");
        if (secret.isPresent() && secret.get().getBytes(StandardCharsets.UTF_8).length > MAX_SECRET_BYTES) {
            throw new BadHubRequestException("hub.secret", "must be less than 200 bytes (got "
                    + secret.get().getBytes(StandardCharsets.UTF_8).length + ")");
        }
        return new HubRequest(parsedMode, topic, callback, lease, secret);
    }

    /** An absolute http(s) URL of at most 2048 characters without user info or fragment, as an ASCII URI. */
    private static String callback(String raw) throws BadHubRequestException {
        if (raw.length() > WebAddresses.MAX_LENGTH) {
            throw new BadHubRequestException("hub.callback", "must be at most " + WebAddresses.MAX_LENGTH + " characters");
        }
        String uri;
        try {
            uri = WebAddresses.toUri(raw);
        } catch (IllegalArgumentException e) {
            throw new BadHubRequestException("hub.callback", e.getMessage());
        }
        if (URI.create(uri).getRawFragment() != null) {
            throw new BadHubRequestException("hub.callback", "must not have a fragment");
        }
        return uri;
    }

    /** A positive whole number of seconds; one too large for a long counts as the longest lease. */
    private static long lease(String raw) throws BadHubRequestException {
        if (!raw.matches("[0-9]+") || raw.matches("0+")) {
            throw new BadHubRequestException("hub.lease_seconds", "must be a positive whole number of seconds (got '"
                    + shown(raw) + "')");
        }
        String digits = raw.replaceFirst("^0+", "");
        return digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
    }

    private static String required(Map<String, List<String>> form, String name) throws BadHubRequestException {
        return optional(form, name).orElseThrow(() -> new BadHubRequestException(name, "is required"));
    }

    /** The parameter's one value; empty when absent or blank. Given twice, it is ambiguous and refused. */
    private static Optional<String> optional(Map<String, List<String>> form, String name) throws BadHubRequestException {
        List<String> values = form.getOrDefault(name, List.of());
        if (values.size() > 1) {
            throw new BadHubRequestException(name, "is given " + values.size() + " times; give it once");
        }
        return values.stream().map(String::strip).filter(v -> !v.isEmpty()).findFirst();
    }

    /** A value as error messages show it: cut, so a hostile request is not echoed back whole. */
    private static String shown(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
