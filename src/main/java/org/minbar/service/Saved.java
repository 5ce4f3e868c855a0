package org.minbar.service;

import org.minbar.model.Article;

/** The outcome of a submission: the stored article, whether it was new, and whether anything changed. */
public record Saved(Article article, boolean created, boolean changed) {}
