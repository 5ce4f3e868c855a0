package org.minbar.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.util.Map;
import org.minbar.model.Article;
import org.minbar.publish.SiteLinks;
import org.minbar.service.ArticleService;
import org.minbar.service.Saved;

/** The publishing API: POST /api/articles, and GET, PUT, DELETE /api/articles/{id}. */
final class ArticleHandlers {

    private final ArticleService articles;
    private final SiteLinks links;

    ArticleHandlers(ArticleService articles, SiteLinks links) {
        this.articles = articles;
        this.links = links;
    }

    void create(HttpServerExchange exchange) throws Exception {
        Saved saved = articles.submit(RequestBodies.read(exchange));
        Article article = saved.article();
        exchange.getResponseHeaders().put(Headers.LOCATION, "/api/articles/" + article.id());
        Json.send(exchange, saved.created() ? 201 : 200, json(article));
    }

    /** The article, and whether its derived data (index, related stories, pushes) is still to come. */
    void get(HttpServerExchange exchange) {
        long id = id(exchange);
        Map<String, Object> json = json(articles.get(id));
        json.put("derived", Map.of("pending", articles.derivationPending(id)));
        Json.send(exchange, 200, json);
    }

    /** The article's related stories, each with how it was chosen and its similarity score. */
    void related(HttpServerExchange exchange) {
        Json.send(exchange, 200, Map.of("related", articles.related(id(exchange))));
    }

    void replace(HttpServerExchange exchange) throws Exception {
        long id = id(exchange);
        Json.send(exchange, 200, json(articles.replace(id, RequestBodies.read(exchange))));
    }

    void delete(HttpServerExchange exchange) {
        articles.delete(id(exchange));
        exchange.setStatusCode(204);
        exchange.endExchange();
    }

    private Map<String, Object> json(Article article) {
        return ArticleJson.of(article, links.article(article), links.articlePage(article.path()));
    }

    static long id(HttpServerExchange exchange) {
        String raw = Routes.param(exchange, "id");
        try {
            long id = Long.parseLong(raw);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new HttpError(404, "no article with id '" + raw + "' (ids are positive whole numbers)");
    }
}
