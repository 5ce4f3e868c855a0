package org.minbar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndFeed;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
 * check, on the seeded server's home page, a category page, an article page, a search and a page
 * that is not there. Screenshots are kept in the build directory (target/browser/); axe-core
 * (fetched from npm into target/ by the build) checks each page's accessibility.
 */
class BrowserIT {

    private static final String SEED_TITLE = "الجيش الروسي: مقتل 40 جنديًا سوريًا وإصابة 80 آخرين بجروح في هجوم شنه مسلحون على إدلب";
    private static final Map<String, String> FORMATS = Map.of("application/rss+xml", "",
            "application/atom+xml", "atom/", "application/feed+json", "json/");
    /** The pages with feeds of their own, which advertise them. */
    private static final List<String> WITH_FEEDS = List.of("home", "category", "article");

    @TempDir
    static Path storage;
    @TempDir
    static Path profile;
    static TestServer server;
    static Chromium browser;
    /** The pages walked, by name: home, category, article, search, missing. */
    static final Map<String, String> pages = new LinkedHashMap<>();

    @BeforeAll
    static void start() {
        server = TestServer.withSeeds(storage);
        browser = Chromium.start(profile);
        String home = server.base() + "/";
        browser.desktop(home);
        pages.put("home", home);
        // The seed article has no address of its own, so the home page links it to our article page.
        String article = browser.script("return Array.from(document.querySelectorAll('main article h2 a'))"
                + ".find(a => a.textContent === arguments[0]).href", SEED_TITLE);
        browser.desktop(article);
        pages.put("category", browser.script("return document.querySelector('a[rel=tag]').href"));
        pages.put("article", article);
        pages.put("search", home + "?s=" + URLEncoder.encode("إدلب", StandardCharsets.UTF_8));
        pages.put("missing", home + "no/such/page/");
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
            for (String selector : List.of("body", "h1", "main", "form[role=search]")) {
                assertEquals("rtl", browser.script("return getComputedStyle(document.querySelector(arguments[0])).direction", selector),
                        name + " " + selector);
            }
        });
        browser.desktop(pages.get("missing"));
        assertEquals("لم نجد هذه الصفحة", browser.script("return document.querySelector('h1').textContent"),
                "a browser that asks for a missing page is shown an Arabic page");
    }

    @Test
    void eachPageAdvertisesExactlyItsOwnFeedsInRssAtomAndJsonAndEachIsAValidArabicFeed() throws Exception {
        Set<String> checked = new HashSet<>();
        for (String name : WITH_FEEDS) {
            browser.desktop(pages.get(name));
            Map<String, String> advertised = alternates();
            Map<String, String> expected = new LinkedHashMap<>();
            for (String feed : feedsThePageIsAbout(name, pages.get(name))) {
                FORMATS.forEach((type, suffix) -> expected.put(feed + suffix, type));
            }
            assertEquals(expected, advertised, name + " advertises its own feeds and no others");
            for (var link : advertised.entrySet()) {
                if (checked.add(link.getKey())) {
                    checkFeed(link.getKey(), link.getValue());
                }
            }
        }
    }

    @Test
    void everyAdvertisedFeedIsOfferedInTheOneSubscribeControlOnADesktopAndOnAPhone() {
        for (String name : WITH_FEEDS) {
            for (boolean phone : List.of(false, true)) {
                load(pages.get(name), phone);
                String where = name + (phone ? " (phone)" : "");
                assertEquals(1L, browser.<Number>script("return document.querySelectorAll('details.subscribe').length").longValue(), where);
                WebElement summary = browser.script("return document.querySelector('details.subscribe summary')");
                assertTrue(summary.isDisplayed(), where);
                summary.click();
                for (String feed : alternates().keySet()) {
                    List<WebElement> links = browser.script("return Array.from(document.querySelectorAll('details.subscribe a'))"
                            + ".filter(a => a.href === arguments[0])", feed);
                    assertTrue(links.stream().anyMatch(a -> a.isDisplayed() && a.getSize().getWidth() > 0 && a.getSize().getHeight() > 0),
                            where + " offers " + feed + " once the subscribe control is opened");
                }
            }
        }
    }

    @Test
    void onAPhoneTheFirstHeadlineIsOnTheFirstScreen() {
        browser.phone(pages.get("home"));
        double top = browser.<Number>script("return document.querySelector('main article h2').getBoundingClientRect().top + scrollY")
                .doubleValue();
        System.out.printf(java.util.Locale.ROOT, "BrowserIT: on a %dx%d phone the home page's first headline starts %.0f px down%n",
                Chromium.PHONE_WIDTH, Chromium.PHONE_HEIGHT, top);
        assertTrue(top < Chromium.PHONE_HEIGHT, "the first headline starts " + top + " px down a " + Chromium.PHONE_HEIGHT + " px screen");
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
            double smallest = browser.<Number>script("return Math.min(...Array.from(document.querySelectorAll("
                    + "'body, body p, body li, body a:not(.skip), body time, body span, label, input, button, summary'))"
                    + ".map(e => parseFloat(getComputedStyle(e).fontSize)))").doubleValue();
            assertTrue(smallest >= 14, name + ": the smallest text is " + smallest + " px");
        });
    }

    @Test
    void theSkipLinkAndTheSearchBoxAreReachedFromTheKeyboardWithAVisibleFocus() {
        browser.desktop(pages.get("home"));
        WebElement skip = browser.script("return document.querySelector('a.skip')");
        assertTrue(skip.getSize().getWidth() <= 1, "hidden until focused");
        browser.script("arguments[0].focus()", skip);
        assertTrue(skip.getSize().getWidth() > 20 && skip.isDisplayed(), "shown when focused: " + skip.getSize());
        assertEquals("#main", skip.getAttribute("href").replaceAll("^.*#", "#"));
        WebElement input = browser.script("return document.querySelector('form[role=search] input[name=s]')");
        browser.script("arguments[0].focus()", input);
        String outline = browser.script("return getComputedStyle(document.activeElement).outlineStyle + ' '"
                + " + getComputedStyle(document.activeElement).outlineWidth");
        assertEquals("solid 3px", outline, "the focused search box is outlined");
    }

    @Test
    void axeFindsNoSeriousOrCriticalAccessibilityProblemOnAnyPage() throws IOException {
        String axe = Files.readString(Path.of(System.getProperty("minbar.axe", "target/axe-core/axe.min.js")));
        List<String> problems = new ArrayList<>();
        for (boolean phone : List.of(false, true)) {
            for (var page : pages.entrySet()) {
                load(page.getValue(), phone);
                browser.script(axe);
                String result = browser.asyncScript("const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {resultTypes: ['violations']})"
                        + ".then(r => done(JSON.stringify({passes: r.passes.length, violations: r.violations.map(v =>"
                        + " ({id: v.id, impact: v.impact, nodes: v.nodes.length, target: v.nodes[0].target.join(' ')}))})))"
                        + ".catch(e => done(JSON.stringify({error: String(e)})))");
                JsonNode json = new ObjectMapper().readTree(result);
                assertFalse(json.has("error"), result);
                String where = page.getKey() + (phone ? " (phone)" : "");
                System.out.println("BrowserIT: axe-core on " + where + ": " + json.get("violations"));
                for (JsonNode violation : json.get("violations")) {
                    String impact = violation.path("impact").asText();
                    if (impact.equals("serious") || impact.equals("critical")) {
                        problems.add(where + ": " + violation);
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
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

    private static void load(String url, boolean phone) {
        if (phone) {
            browser.phone(url);
        } else {
            browser.desktop(url);
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

    /** The RSS addresses of the feeds a page is about: the site's; a category's own; an article's categories and authors. */
    private static List<String> feedsThePageIsAbout(String name, String url) {
        return switch (name) {
            case "home" -> List.of(server.base() + "/feed/");
            case "category" -> List.of(url + "feed/", server.base() + "/feed/");
            default -> {
                List<String> feeds = new ArrayList<>(List.of(server.base() + "/feed/"));
                feeds.addAll(browser.<List<String>>script("return Array.from(document.querySelectorAll('a[rel=tag]'))"
                        + ".map(a => a.href + 'feed/')"));
                feeds.addAll(browser.<List<String>>script("return [...new Set(Array.from(document.querySelectorAll('a[rel=author]'))"
                        + ".map(a => a.href + 'feed/'))]"));
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
