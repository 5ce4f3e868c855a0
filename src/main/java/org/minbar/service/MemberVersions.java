package org.minbar.service;

import java.util.Optional;
import org.minbar.model.Article;

/**
 * The version of a stored article as AtomPub clients see it: a strong ETag that changes whenever
 * the article is written, and the If-Match check against it.
 */
public final class MemberVersions {

    private MemberVersions() {}

    public static String etag(Article article) {
        return "\"" + article.id() + "-" + article.modified().toEpochMilli() + "\"";
    }

    /** Throws unless If-Match is absent, "*", or lists the article's current ETag. */
    static void check(Article article, Optional<String> ifMatch) {
        if (ifMatch.isEmpty()) {
            return;
        }
        String current = etag(article);
        for (String tag : ifMatch.get().split(",")) {
            String value = tag.strip();
            if (value.equals("*") || value.equals(current)) {
                return;
            }
        }
        throw new PreconditionFailedException("article " + article.id() + " has changed: its ETag is now " + current
                + ", not " + ifMatch.get().strip() + "; GET it again and reapply your change");
    }
}
