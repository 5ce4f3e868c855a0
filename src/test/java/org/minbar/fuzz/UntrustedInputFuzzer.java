package org.minbar.fuzz;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.minbar.config.FeedsDirectory;
import org.minbar.config.SiteConfig;
import org.minbar.ingest.ArticleReaders;
import org.minbar.ingest.InvalidArticleException;
import org.minbar.ingest.WxrException;
import org.minbar.ingest.WxrItem;
import org.minbar.ingest.WxrReader;
import org.minbar.model.Article;
import org.minbar.model.ArticleDraft;
import org.minbar.model.Author;
import org.minbar.model.Category;
import org.minbar.model.EntryIds;
import org.minbar.model.FeedFormat;
import org.minbar.model.FeedKey;
import org.minbar.model.Submission;
import org.minbar.model.Tag;
import org.minbar.publish.CacheLifetimes;
import org.minbar.publish.FeedChannel;
import org.minbar.publish.FeedItem;
import org.minbar.publish.FeedRenderer;
import org.minbar.publish.SiteLinks;
import org.minbar.support.AtomSchema;
import org.minbar.support.TestServer;
import org.minbar.support.Xml;

/**
 * A Jazzer target over everything that reads untrusted input: the JSON, HTML-page and Atom-entry
 * readers, the WordPress export reader, and the query parameters and path segments of the feed,
 * search and page routes of a real server. The property: an input is refused (the reader's 4xx
 * exception, a 4xx answer) or becomes an article whose RSS, Atom and JSON Feed documents are well
 * formed, parse with Rome, and pass the Atom schema; any other outcome (an unexpected exception, a
 * 5xx, an invalid document) is a finding. Run by FuzzIT for a bounded time, by bench/fuzz.sh longer.
 */
public final class UntrustedInputFuzzer {

    private static final String BASE = "https://news.example.org";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SiteConfig SITE = FeedsDirectory.load(Path.of("feeds"), Optional.of(BASE), BASE);
    private static final SiteLinks LINKS = new SiteLinks(SITE);
    private static final FeedRenderer RENDERER = new FeedRenderer(SITE, LINKS, "Minbar", "fuzz",
            new CacheLifetimes(300));
    private static final ArticleReaders READERS = new ArticleReaders(BASE);
    private static final String[] MEDIA_TYPES = {ArticleReaders.JSON, ArticleReaders.HTML, ArticleReaders.ATOM};
    private static final String[] ROUTES = {"/feed/?paged=", "/feed/atom/?paged=", "/?s=", "/?feed=rss2&s=", "/api/search?q=",
        "/search/", "/category/", "/tag/", "/author/", "/feed/atom/archive/", "/api/articles/", "/websub?hub.mode="};

    private static TestServer server;
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private UntrustedInputFuzzer() {}

    /** Once, before the first input: the only connections the target makes are to its own server on loopback. */
    public static void fuzzerInitialize() {
        BugDetectors.allowNetworkConnections((host, port) -> host.equals("127.0.0.1") || host.equals("localhost"));
    }

    public static void fuzzerTestOneInput(FuzzedDataProvider data) throws Exception {
        int target = data.consumeInt(0, MEDIA_TYPES.length + 1);
        if (target < MEDIA_TYPES.length) {
            Optional<String> slug = data.consumeBoolean() ? Optional.of(data.consumeString(40)) : Optional.empty();
            Optional<String> url = data.consumeBoolean() ? Optional.of(data.consumeString(80)) : Optional.empty();
            read(new Submission(MEDIA_TYPES[target], data.consumeRemainingAsBytes(), url, slug));
        } else if (target == MEDIA_TYPES.length) {
            readExport(data.consumeRemainingAsBytes());
        } else {
            request(ROUTES[data.consumeInt(0, ROUTES.length - 1)], data.consumeRemainingAsString());
        }
    }

    private static void read(Submission submission) throws Exception {
        ArticleDraft draft;
        try {
            draft = READERS.read(submission);
        } catch (InvalidArticleException refused) {
            return; // a 400 or 422 naming what is wrong
        }
        renders(draft);
    }

    private static void readExport(byte[] export) throws Exception {
        try (WxrReader reader = WxrReader.open(new ByteArrayInputStream(export))) {
            int items = 0;
            for (Optional<WxrItem> next = reader.next(); next.isPresent() && items < 20; next = reader.next(), items++) {
                if (next.get() instanceof WxrItem.Post post) {
                    renders(post.draft());
                }
            }
        } catch (WxrException refused) {
            // the import reports the file as unreadable, naming the line
        }
    }

    /** The draft as stored and served: every format well formed and valid, or a finding. */
    private static void renders(ArticleDraft draft) throws Exception {
        Instant now = Instant.parse("2026-12-05T08:00:00Z");
        Instant published = draft.published().orElse(now);
        Article article = new Article(1, EntryIds.forNew(draft.guid().orElse(null)), draft.guid(), draft.url(),
                "2026/12/05/" + draft.slug().orElse("article"), draft.title(), draft.summary().orElse(""), draft.content(),
                draft.authors().stream().map(a -> new Author(a.slug().orElseThrow(), a.name(), a.bio(), a.url())).toList(),
                draft.categories().stream().map(c -> new Category(c.slug().orElseThrow(), c.name())).toList(),
                draft.tags().stream().map(t -> new Tag(t.slug().orElseThrow(), t.name())).toList(),
                published, draft.updated().orElse(published), draft.image(), draft.related(), draft.language(),
                now, now, Optional.empty());
        FeedChannel channel = new FeedChannel(FeedKey.site(), SITE.title(), SITE.description(), SITE.language(),
                article.updated(), List.of(), 1, 1, 0, 0);
        List<FeedItem> items = List.of(new FeedItem(article, LINKS.article(article), List.of()));
        byte[] rss = RENDERER.render(FeedFormat.RSS, channel, items);
        byte[] atom = RENDERER.render(FeedFormat.ATOM, channel, items);
        byte[] json = RENDERER.render(FeedFormat.JSON, channel, items);
        Xml.parse(rss);
        Xml.parse(atom);
        if (Xml.rome(rss).getEntries().size() != 1 || Xml.rome(atom).getEntries().size() != 1) {
            throw new AssertionError("a feed lost its entry: " + new String(atom, StandardCharsets.UTF_8));
        }
        AtomSchema.validate(atom);
        if (JSON.readTree(json).get("items").size() != 1) {
            throw new AssertionError("the JSON feed lost its item");
        }
    }

    /** A request with fuzzed parameters or path segments to a real server: anything but a 5xx. */
    private static void request(String route, String value) throws Exception {
        String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
        String path = route.endsWith("/") && !route.equals("/feed/atom/archive/") && !route.equals("/api/articles/")
                ? route + encoded + "/feed/" : route + encoded;
        URI address;
        try {
            address = URI.create(server().local() + path);
        } catch (IllegalArgumentException notAnAddress) {
            return;
        }
        HttpResponse<byte[]> answer = HTTP.send(HttpRequest.newBuilder(address).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (answer.statusCode() >= 500) {
            throw new AssertionError(path + " answered " + answer.statusCode() + ": "
                    + new String(answer.body(), StandardCharsets.UTF_8));
        }
    }

    private static synchronized TestServer server() throws IOException {
        if (server == null) {
            Path storage = Files.createTempDirectory("minbar-fuzz").resolve("storage");
            server = TestServer.withSeeds(storage);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        }
        return server;
    }
}
