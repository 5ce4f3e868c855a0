package org.minbar.http;

import io.undertow.server.HttpServerExchange;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import org.minbar.model.FeedAddress;
import org.minbar.model.FeedFormat;
import org.minbar.model.FeedKey;
import org.minbar.model.FeedKind;
import org.minbar.service.WordPressAddresses;

/**
 * WordPress's query addresses at the site's root, which subscribers of a WordPress site hold:
 * {@code /?feed=rss2} (also rss, rdf, atom, and ours, json), with {@code cat=} (a category's
 * WordPress id), {@code category_name=}, {@code tag=}, {@code author=} (a user's WordPress id),
 * {@code author_name=} or {@code s=}; {@code ?feed=comments-rss2} and {@code comments-atom}, and a
 * post's comments feed {@code ?p=123&feed=rss2}, to the comments feed; and
 * without {@code feed} the category, tag or author page. Each is redirected (301) to its address
 * here, as WordPress itself redirects them once pretty permalinks are on; {@code paged} goes along.
 */
final class WordPressQueries {

    private final WordPressAddresses addresses;

    WordPressQueries(WordPressAddresses addresses) {
        this.addresses = addresses;
    }

    /** Whether the request at "/" is one of these; if it is, it has been answered. */
    boolean answer(HttpServerExchange exchange) {
        Optional<String> feed = query(exchange, "feed");
        Optional<FeedKey> subject = subject(exchange);
        if (feed.isEmpty() && (subject.isEmpty() || subject.get().kind() == FeedKind.SEARCH)) {
            return false; // the home page, or the search page of ?s=
        }
        FeedKey key = subject.orElse(FeedKey.site());
        String paged = query(exchange, FeedAddress.PAGED).filter(p -> !p.equals("1")).map(p -> "?" + FeedAddress.PAGED + "=" + p).orElse("");
        if (feed.isEmpty()) {
            Moved.send(exchange, FeedAddress.pagePath(key));
            return true;
        }
        String type = feed.get().strip().toLowerCase(Locale.ROOT);
        if (query(exchange, "p").isPresent() || query(exchange, "page_id").isPresent()) {
            // ?p=123&feed=rss2 is the comments feed of WordPress post 123: this site takes no comments, so
            // the comments feed that says so (post ids are not kept at import, so not the post's own).
            FeedFormat format = format(type).filter(f -> f == FeedFormat.ATOM).orElse(FeedFormat.RSS);
            Moved.send(exchange, "/comments/feed/" + format.pathSuffix());
            return true;
        }
        if (type.startsWith("comments-")) {
            FeedFormat format = format(type.substring("comments-".length()))
                    .filter(f -> f == FeedFormat.RSS || f == FeedFormat.ATOM)
                    .orElseThrow(() -> unknown(feed.get()));
            Moved.send(exchange, "/comments/feed/" + format.pathSuffix());
            return true;
        }
        FeedFormat format = format(type).orElseThrow(() -> unknown(feed.get()));
        Moved.send(exchange, FeedAddress.of(key, format).path() + paged);
        return true;
    }

    /** WordPress's feed types: rss2 (or feed, or nothing) for RSS 2.0, rss for 0.92, rdf for 1.0, atom; json is ours. */
    private static Optional<FeedFormat> format(String type) {
        return switch (type) {
            case "", "feed", "rss2" -> Optional.of(FeedFormat.RSS);
            default -> FeedFormat.ofPathSegment(type);
        };
    }

    private static HttpError unknown(String type) {
        String shown = type.length() <= 40 ? type : type.substring(0, 40) + "…";
        return new HttpError(404, "no feed of type '" + shown + "': WordPress's are rss2, atom, rss and rdf, with json for JSON Feed");
    }

    /** The first of cat, category_name, tag, author, author_name and s that is given. */
    private Optional<FeedKey> subject(HttpServerExchange exchange) {
        Optional<String> cat = query(exchange, "cat").map(WordPressQueries::firstOfList);
        if (cat.isPresent()) {
            return Optional.of(addresses.term(FeedKind.CATEGORY, cat.get()));
        }
        Optional<String> categoryName = query(exchange, "category_name").map(WordPressQueries::lastOfPath);
        if (categoryName.isPresent()) {
            return Optional.of(addresses.term(FeedKind.CATEGORY, categoryName.get()));
        }
        Optional<String> tag = query(exchange, "tag").map(WordPressQueries::firstOfList);
        if (tag.isPresent()) {
            return Optional.of(addresses.term(FeedKind.TAG, tag.get()));
        }
        Optional<String> author = query(exchange, "author").map(WordPressQueries::firstOfList);
        if (author.isPresent()) {
            return Optional.of(addresses.term(FeedKind.AUTHOR, author.get()));
        }
        Optional<String> authorName = query(exchange, "author_name");
        if (authorName.isPresent()) {
            return Optional.of(addresses.term(FeedKind.AUTHOR, authorName.get()));
        }
        return query(exchange, "s").filter(s -> !s.isBlank()).map(s -> new FeedKey(FeedKind.SEARCH, s.strip()));
    }

    /** WordPress reads "5,7" and "a+b" as lists; the first is the feed here. */
    private static String firstOfList(String value) {
        return value.split("[,+ ]", 2)[0];
    }

    /** category_name may be a path of parent and child, "world/asia": the child is the category. */
    private static String lastOfPath(String value) {
        String stripped = value.replaceAll("/+$", "");
        return stripped.substring(stripped.lastIndexOf('/') + 1);
    }

    private static Optional<String> query(HttpServerExchange exchange, String name) {
        Deque<String> values = exchange.getQueryParameters().get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }
}
