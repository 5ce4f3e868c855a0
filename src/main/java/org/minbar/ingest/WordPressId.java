package org.minbar.ingest;

import org.minbar.model.FeedKind;

/**
 * The id a WordPress export gave a category, a tag (wp:term_id) or an author (wp:author_id), with
 * the slug and name that tell which term here it is: WordPress's ?cat=5 and ?author=3 addresses
 * name terms by it.
 */
public record WordPressId(FeedKind kind, long id, String slug, String name) {}
