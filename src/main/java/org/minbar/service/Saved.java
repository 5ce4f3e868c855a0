package org.minbar.service;

import org.minbar.model.Article;

/** The outcome of a submission: the stored article, and whether it was new. */
public record Saved(Article article, boolean created) {}
