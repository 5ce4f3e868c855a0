package org.minbar.model;

import java.util.Optional;

/**
 * A publisher's request body and its media type, as it came in, with the hints a request may
 * carry besides: the page's canonical address (?url=) and the wished-for page slug (Slug header).
 */
public record Submission(String mediaType, byte[] body, Optional<String> url, Optional<String> slug) {

    public Submission(String mediaType, byte[] body) {
        this(mediaType, body, Optional.empty(), Optional.empty());
    }
}
