package org.minbar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndFeed;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minbar.support.AtomSchema;
import org.minbar.support.Chromium;
import org.minbar.support.TestServer;
import org.minbar.support.Xml;
import org.openqa.selenium.WebElement;
import org.w3c.dom.Element;

/**
 * The pages as a reader's browser sees them: Debian's headless Chromium, one session for every
 * check, on the seeded server's home page, a category page and an article page. Screenshots are
 * kept in the build directory (target/browser/).
 */
class BrowserIT {

    private static final String SEED_TITLE = "الجيش الروسي: مقتل 40 جنديًا سوريًا وإصابة 80 آخرين بجروح في هجوم شنه مسلحون على إدلب";
    private static final Map<String, String> FORMATS = Map.of("application/rss+xml", "",
            "application/atom+xml", "atom/", "application/feed+json", "json/");

    @TempDir
    static Path storage;
    @TempDir
    static Path profile;
    static TestServer server;
    static Chromium browser;
    /** The pages walked, by name: home, category, article. */
    static final Map<String, String> pages = new LinkedHashMap<>();

    @BeforeAll
    static void start() {
        server = TestServer.withSeeds(storage);
        browser = Chromium.start(profile);
        String home = server.base() + "/";
        browser.desktop(home);
        pages.put("home", home);
        pages.put("category", browser.script("return document.querySelector('ul.feeds a[href*=\"/category/\"]').href"));
        // The seed article has no address of its own, so the home page links it to our article page.
        pages.put("article", browser.script("return Array.from(document.querySelectorAll('ul.articles a'))"
                + ".find(a => a.textContent === arguments[0]).href", SEED_TITLE));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        server.close();
    }

    @Test
    void everyPageIsArabicAndLaidOutRightToLeft() {
        pages.forEach((name, url) -> {
            browser.desktop(url);
            assertEquals("rtl", browser.script("return document.documentElement.dir"), name);
            assertTrue(browser.<String>script("return document.documentElement.lang").startsWith("ar"), name);
            for (String selector : List.of("body", "h1", "ul, article")) {
                assertEquals("rtl", browser.script("return getComputedStyle(document.querySelector(arguments[0])).direction", selector),
                        name + " " + selector);
            }
        });
    }

    @Test
    void eachPageAdvertisesItsFeedsInRssAtomAndJsonAndEachIsAValidArabicFeed() throws Exception {
        Set<String> checked = new HashSet<>();
        for (var page : pages.entrySet()) {
            browser.desktop(page.getValue());
            Map<String, String> advertised = alternates();
            for (String feed : feedsThePageIsAbout(page.getKey(), page.getValue())) {
                for (var format : FORMATS.entrySet()) {
                    assertEquals(format.getKey(), advertised.get(feed + format.getValue()),
                            page.getKey() + " advertises " + feed + format.getValue() + " as " + format.getKey() + ": " + advertised);
                }
            }
            for (var link : advertised.entrySet()) {
                if (checked.add(link.getKey())) {
                    checkFeed(link.getKey(), link.getValue());
                }
            }
        }
        assertTrue(checked.size() >= 3 * (1 + 8 + 3), "the home page advertises the site, every category and every author: " + checked);
    }

    @Test
    void everyAdvertisedFeedHasAVisibleSubscribeLinkOnADesktopAndOnAPhone() {
        pages.forEach((name, url) -> {
            for (boolean phone : List.of(false, true)) {
                if (phone) {
                    browser.phone(url);
                } else {
                    browser.desktop(url);
                }
                for (String feed : alternates().keySet()) {
                    List<WebElement> links = browser.script("return Array.from(document.querySelectorAll('body a'))"
                            + ".filter(a => a.href === arguments[0])", feed);
                    assertTrue(links.stream().anyMatch(a -> a.isDisplayed() && a.getSize().getWidth() > 0 && a.getSize().getHeight() > 0),
                            name + (phone ? " (phone)" : "") + " shows a subscribe link to " + feed);
                }
            }
        });
    }

    @Test
    void everyPageIsReadableOnAPhoneWithoutScrollingSideways() {
        pages.forEach((name, url) -> {
            browser.phone(url);
            assertTrue(browser.<String>script("return document.querySelector('meta[name=viewport]').content")
                    .startsWith("width=device-width"), name);
            assertEquals(Chromium.PHONE_WIDTH, ((Number) browser.script("return window.innerWidth")).intValue(), name);
            long scrollWidth = browser.<Number>script("return document.documentElement.scrollWidth").longValue();
            assertTrue(scrollWidth <= Chromium.PHONE_WIDTH + 1, name + " is " + scrollWidth + " px wide on a "
                    + Chromium.PHONE_WIDTH + " px phone; wider: " + browser.script("return Array.from(document.querySelectorAll('body *'))"
                    + ".filter(e => e.getBoundingClientRect().left < 0 || e.getBoundingClientRect().right > innerWidth + 1)"
                    + ".slice(0, 5).map(e => e.tagName + '.' + e.className).join(', ')"));
            double smallest = browser.<Number>script("return Math.min(...Array.from(document.querySelectorAll('body, body p, body li, body a, body time'))"
                    + ".map(e => parseFloat(getComputedStyle(e).fontSize)))").doubleValue();
            assertTrue(smallest >= 14, name + ": the smallest text is " + smallest + " px");
        });
    }

    @Test
    void aScreenshotOfEachPageOnADesktopAndOnAPhoneIsKeptInTheBuildDirectory() throws IOException {
        Path folder = Path.of(System.getProperty("minbar.browser.screenshots", "target/browser"));
        for (var page : pages.entrySet()) {
            browser.desktop(page.getValue());
            checkPng(browser.screenshot(folder.resolve(page.getKey() + "-desktop.png")));
            browser.phone(page.getValue());
            checkPng(browser.screenshot(folder.resolve(page.getKey() + "-phone.png")));
        }
    }

    /** The page's link rel="alternate" of the three feed formats: absolute address → media type. */
    private static Map<String, String> alternates() {
        List<List<String>> links = browser.script("return Array.from(document.querySelectorAll('head link[rel~=alternate]'))"
                + ".filter(l => arguments[0].includes(l.type)).map(l => [l.href, l.type])", List.copyOf(FORMATS.keySet()));
        Map<String, String> found = new LinkedHashMap<>();
        links.forEach(l -> assertEquals(null, found.put(l.get(0), l.get(1)), "advertised once: " + l));
        return found;
    }

    /** The RSS addresses of the feeds a page is about: the site's on every page but a listing's; the page's own; an article's categories and authors. */
    private static List<String> feedsThePageIsAbout(String name, String url) {
        return switch (name) {
            case "home" -> List.of(server.base() + "/feed/");
            case "category" -> List.of(url + "feed/");
            default -> {
                List<String> feeds = new ArrayList<>(List.of(server.base() + "/feed/"));
                feeds.addAll(browser.<List<String>>script("return Array.from(document.querySelectorAll('a[rel=tag], a[rel=author]'))"
                        + ".map(a => a.href + 'feed/')"));
                assertTrue(feeds.size() >= 3, "the seed article has categories and an author: " + feeds);
                yield feeds;
            }
        };
    }

    private static void checkFeed(String url, String type) throws IOException {
        HttpResponse<byte[]> response = server.get(url);
        assertEquals(200, response.statusCode(), url);
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith(type), url);
        switch (type) {
            case "application/rss+xml" -> {
                SyndFeed rss = Xml.rome(response.body());
                assertEquals("rss_2.0", rss.getFeedType(), url);
                assertEquals("ar", rss.getLanguage(), url);
                assertFalse(rss.getEntries().isEmpty(), url);
            }
            case "application/atom+xml" -> {
                AtomSchema.validate(response.body());
                Element feed = Xml.parse(response.body()).getDocumentElement();
                assertEquals("ar", feed.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang"), url);
                assertEquals("atom_1.0", Xml.rome(response.body()).getFeedType(), url);
                assertFalse(Xml.children(feed, Xml.ATOM, "entry").isEmpty(), url);
            }
            default -> {
                JsonNode json = new ObjectMapper().readTree(response.body());
                assertEquals("https://jsonfeed.org/version/1.1", json.path("version").asText(), url);
                assertEquals("ar", json.path("language").asText(), url);
                assertTrue(json.path("items").size() > 0, url);
            }
        }
    }

    /** A PNG of the whole page: as wide as the viewport in device pixels, and as tall as the page. */
    private static void checkPng(Path file) throws IOException {
        assertTrue(Files.size(file) > 0, file.toString());
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(browser.<Number>script("return Math.round(innerWidth * devicePixelRatio)").intValue(), image.getWidth(), file.toString());
        assertTrue(image.getHeight() >= browser.<Number>script("return document.documentElement.scrollHeight").intValue(), file.toString());
    }
}
