package org.minbar.model;

import java.util.Optional;

/** An author as a publisher describes them; the slug is assigned when the draft is completed in ingest. */
public record AuthorDraft(String name, Optional<String> bio, Optional<String> url, Optional<String> slug) {

    public AuthorDraft(String name, Optional<String> bio, Optional<String> url) {
        this(name, bio, url, Optional.empty());
    }
}
