package org.minbar.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.minbar.model.Article;
import org.minbar.model.RelatedLink;
import org.minbar.model.RelatedReference;
import org.minbar.publish.SiteLinks;
import org.minbar.storage.ArticleRef;
import org.minbar.storage.ArticleStore;
import org.minbar.storage.RelatedStore;

/**
 * Up to five related stories per article: the links the publisher supplied first, in its order
 * and with its headlines (an address or guid of an article we hold links to our copy of it; a
 * guid that names no live article is left out), then the articles most like it by text (computed
 * when it was stored, see RelatedIndexing; never computed while serving). Never the article
 * itself, never a link twice.
 */
final class RelatedStories {

    static final int MAX = 5;

    private final ArticleStore articles;
    private final RelatedStore computed = new RelatedStore();
    private final RelatedReasons reasons = new RelatedReasons();
    private final SiteLinks links;

    RelatedStories(ArticleStore articles, SiteLinks links) {
        this.articles = articles;
        this.links = links;
    }

    List<RelatedLink> of(Connection connection, Article article) throws SQLException {
        return choices(connection, article, false).stream()
                .map(choice -> new RelatedLink(choice.title(), choice.url(), choice.source(), choice.score())).toList();
    }

    /** The same stories, each with who chose it and, for a similar one, why. */
    List<RelatedChoice> explained(Connection connection, Article article) throws SQLException {
        return choices(connection, article, true);
    }

    /** Feeds render without the reasons: they are read (parsed from their JSON) only when asked for. */
    private List<RelatedChoice> choices(Connection connection, Article article, boolean withReasons) throws SQLException {
        String own = links.article(article);
        Map<String, RelatedChoice> byUrl = new LinkedHashMap<>();
        List<String> guids = article.related().stream().flatMap(r -> r.guid().stream()).toList();
        Map<String, ArticleRef> byGuid = articles.liveByGuid(connection, guids);
        List<String> addresses = article.related().stream().flatMap(r -> r.url().stream()).toList();
        Map<String, ArticleRef> byAddress = articles.liveByAddress(connection, addresses);
        for (RelatedReference reference : article.related()) {
            ArticleRef target = reference.url().isPresent() ? byAddress.get(reference.url().get())
                    : byGuid.get(reference.guid().orElseThrow());
            String url = target != null ? links.article(target.url(), target.path())
                    : reference.url().orElse(null); // a guid that names no live article of ours is left out
            if (url != null && !url.equals(own)) {
                byUrl.putIfAbsent(url, new RelatedChoice(reference.title(), url, "publisher", 0, null));
            }
        }
        if (byUrl.size() < MAX) {
            Map<Long, RelatedStore.Scored> similar = new HashMap<>();
            List<Long> ids = new ArrayList<>();
            for (RelatedStore.Scored scored : computed.of(connection, article.id())) {
                similar.put(scored.id(), scored);
                ids.add(scored.id());
            }
            for (ArticleRef ref : articles.refs(connection, ids)) {
                String url = links.article(ref.url(), ref.path());
                RelatedStore.Scored scored = similar.get(ref.id());
                if (!url.equals(own)) {
                    byUrl.putIfAbsent(url, new RelatedChoice(ref.title(), url, "similar", scored.score(),
                            withReasons ? reasons.read(scored.reason()) : null));
                }
            }
        }
        return new ArrayList<>(byUrl.values()).subList(0, Math.min(MAX, byUrl.size()));
    }
}
