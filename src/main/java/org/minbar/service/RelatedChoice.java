package org.minbar.service;

import org.minbar.related.RelatedReason;

/**
 * A related story as the API explains it: its headline and address, who chose it ("publisher" or
 * "similar"), its score, and for a similar one why (null for the publisher's own links).
 */
public record RelatedChoice(String title, String url, String source, double score, RelatedReason reason) {}
