package org.minbar.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.util.Optional;
import org.minbar.publish.AtomPubDocuments;
import org.minbar.service.AtomPubService;

/**
 * AtomPub (RFC 5023): GET /atompub/service, /atompub/categories and /atompub/tags; the collection at
 * /atompub/articles (GET pages with ?page=N, POST an entry); members at /atompub/articles/{id}
 * (GET, PUT with If-Match, DELETE).
 */
final class AtomPubHandlers {

    private static final String CHARSET = "; charset=utf-8";

    private final AtomPubService atomPub;

    AtomPubHandlers(AtomPubService atomPub) {
        this.atomPub = atomPub;
    }

    void service(HttpServerExchange exchange) {
        Responses.send(exchange, 200, AtomPubDocuments.SERVICE_TYPE + CHARSET, atomPub.service());
    }

    void categories(HttpServerExchange exchange) {
        Responses.send(exchange, 200, AtomPubDocuments.CATEGORIES_TYPE + CHARSET, atomPub.categories());
    }

    void tags(HttpServerExchange exchange) {
        Responses.send(exchange, 200, AtomPubDocuments.CATEGORIES_TYPE + CHARSET, atomPub.tags());
    }

    void collection(HttpServerExchange exchange) {
        Responses.send(exchange, 200, AtomPubDocuments.FEED_TYPE + CHARSET, atomPub.collection(PageNumbers.of(exchange, "page")));
    }

    void create(HttpServerExchange exchange) throws Exception {
        AtomPubService.Member member = atomPub.create(RequestBodies.read(exchange));
        exchange.getResponseHeaders().put(Headers.LOCATION, member.location());
        exchange.getResponseHeaders().put(Headers.CONTENT_LOCATION, member.location());
        send(exchange, member.created() ? 201 : 200, member);
    }

    void get(HttpServerExchange exchange) {
        AtomPubService.Member member = atomPub.get(ArticleHandlers.id(exchange));
        String ifNoneMatch = exchange.getRequestHeaders().getFirst(Headers.IF_NONE_MATCH);
        if (ifNoneMatch != null && (ifNoneMatch.strip().equals("*") || ifNoneMatch.contains(member.etag()))) {
            exchange.getResponseHeaders().put(Headers.ETAG, member.etag());
            exchange.setStatusCode(304);
            exchange.endExchange();
            return;
        }
        send(exchange, 200, member);
    }

    void replace(HttpServerExchange exchange) throws Exception {
        long id = ArticleHandlers.id(exchange);
        send(exchange, 200, atomPub.replace(id, RequestBodies.read(exchange), ifMatch(exchange)));
    }

    void delete(HttpServerExchange exchange) {
        atomPub.delete(ArticleHandlers.id(exchange), ifMatch(exchange));
        exchange.setStatusCode(204);
        exchange.endExchange();
    }

    private static void send(HttpServerExchange exchange, int status, AtomPubService.Member member) {
        exchange.getResponseHeaders().put(Headers.ETAG, member.etag());
        Responses.send(exchange, status, AtomPubDocuments.ENTRY_TYPE + CHARSET, member.body());
    }

    private static Optional<String> ifMatch(HttpServerExchange exchange) {
        return Optional.ofNullable(exchange.getRequestHeaders().getFirst(Headers.IF_MATCH));
    }

}
