package org.minbar.model;

/** A free keyword attached to an article. */
public record Tag(String slug, String name) {}
