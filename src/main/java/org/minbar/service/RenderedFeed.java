package org.minbar.service;

import java.time.Instant;

/** A feed document rendered once and served until something changes: bytes, gzip bytes and validators. */
public record RenderedFeed(String mediaType, byte[] body, byte[] gzipped, String etag, Instant lastModified) {}
