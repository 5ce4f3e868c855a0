package org.minbar.model;

/** One thing wrong with a submission: where ({@code $.authors[0].name}) and what. */
public record Problem(String field, String message) {}
