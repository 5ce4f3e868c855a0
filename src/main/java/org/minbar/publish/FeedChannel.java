package org.minbar.publish;

import java.time.Instant;
import org.minbar.model.FeedKey;

/** A feed's own metadata: what it is called and where it and its page live. */
public record FeedChannel(FeedKey key, String title, String description, String language, Instant updated) {}
