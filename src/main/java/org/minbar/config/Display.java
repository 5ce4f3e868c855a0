package org.minbar.config;

import java.util.Optional;

/** How a category or author is presented in its feed: a display name and a description. */
public record Display(String name, Optional<String> description, Optional<String> url) {}
