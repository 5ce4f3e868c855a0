package org.minbar.model;

/**
 * A related story as readers see it: a headline and an absolute address; with, for the API, how
 * it was chosen ("publisher" or "similar") and the similarity score (0 for the publisher's).
 */
public record RelatedLink(String title, String url, String source, double score) {

    public RelatedLink(String title, String url) {
        this(title, url, "publisher", 0);
    }
}
