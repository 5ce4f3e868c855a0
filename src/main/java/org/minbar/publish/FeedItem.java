package org.minbar.publish;

import java.util.List;
import org.minbar.model.Article;
import org.minbar.model.RelatedLink;

/** An article as a feed shows it: the article, its absolute link and its related stories. */
public record FeedItem(Article article, String link, List<RelatedLink> related) {
    public FeedItem {
        related = List.copyOf(related);
    }
}
