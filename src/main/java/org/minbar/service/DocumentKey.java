package org.minbar.service;

import org.minbar.model.FeedFormat;
import org.minbar.model.FeedKey;

/** One served feed document: which feed, in which format, which of its documents. The feed cache's key. */
public record DocumentKey(FeedKey feed, FeedFormat format, FeedDocument document) {

    /** How the stored validators (ETag and Last-Modified across restarts) name the document apart from its format. */
    String validatorName() {
        return feed.name() + document.suffix();
    }
}
