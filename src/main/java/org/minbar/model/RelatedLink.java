package org.minbar.model;

/** A related story as readers see it: a headline and an absolute address. */
public record RelatedLink(String title, String url) {}
