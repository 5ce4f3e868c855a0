package org.minbar.model;

import java.util.Optional;

/** A person who writes articles; the slug names their feed at /author/{slug}/feed/. */
public record Author(String slug, String name, Optional<String> bio, Optional<String> url) {}
