package org.minbar.model;

import java.util.Optional;

/** An author as a publisher describes them, before a slug is assigned. */
public record AuthorDraft(String name, Optional<String> bio, Optional<String> url) {}
