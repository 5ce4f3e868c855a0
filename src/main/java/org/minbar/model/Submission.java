package org.minbar.model;

/** A publisher's request body and its media type, as it came in. */
public record Submission(String mediaType, byte[] body) {}
