package org.minbar.storage;

import java.util.Optional;

/** Just enough of a live article to link to it: its publisher URL if any, else its page path. */
public record ArticleRef(long id, String title, Optional<String> url, String path) {}
