package org.minbar.websub;

import org.minbar.model.FeedFormat;
import org.minbar.model.FeedKey;

/** A feed of this site named by a topic URL: which feed (its slug as written, not yet looked up) and in which format. */
public record Topic(FeedKey key, FeedFormat format) {}
