package org.minbar.model;

/** A section of the site; the slug names its feed at /category/{slug}/feed/. */
public record Category(String slug, String name) {}
