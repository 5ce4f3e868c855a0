package org.minbar.service;

import org.minbar.model.FeedKey;

/**
 * A category, tag or author addressed by a slug that is not its own: an old slug (a term merged
 * into another, or renamed to the slug an import or feeds/*.json gave it) or a spelling of its
 * name. The same address with {@link #to}'s slug is where it lives now (301).
 */
public final class MovedException extends RuntimeException {

    private final FeedKey to;

    public MovedException(FeedKey to) {
        super("moved to the slug '" + to.slug() + "'");
        this.to = to;
    }

    public FeedKey to() {
        return to;
    }
}
