package org.minbar.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

// Covers FeedsDirectory.load: a valid feeds/ folder, base URL precedence, and each configuration error naming its file and field.
class FeedsDirectoryTest {

    private static final String FALLBACK = "http://127.0.0.1:8080";
    private static final String MINIMAL_SITE = "{\"title\": \"منبر\", \"description\": \"وصف\"}";

    @TempDir
    Path folder;

    @Test
    void loadsAValidFolderWithSiteCategoriesAndAuthors() throws IOException {
        write("site.json", """
                {
                  "title": "منبر الأخبار الدفاعية",
                  "description": "آخر أخبار الدفاع   والأمن",
                  "baseUrl": "https://news.example/",
                  "language": "ar-EG",
                  "itemsPerFeed": 30,
                  "maxItemContentChars": 5000
                }
                """);
        write("categories.json", """
                [
                  {"name": "الدفاع الجوي", "description": "  أخبار\\n الدفاع الجوي "},
                  {"name": "Iran", "slug": "iran", "url": "https://news.example/إيران"}
                ]
                """);
        write("authors.json", "[{\"name\": \"نور الدين\", \"bio\": \"كاتب وخبير\"}]");

        SiteConfig site = FeedsDirectory.load(folder, Optional.empty(), FALLBACK);

        assertEquals("منبر الأخبار الدفاعية", site.title());
        assertEquals("آخر أخبار الدفاع والأمن", site.description());
        assertEquals("https://news.example", site.baseUrl());
        assertEquals("ar-EG", site.language());
        assertEquals(30, site.itemsPerFeed());
        assertEquals(5000, site.maxItemContentChars());
        assertEquals(Map.of(
                "الدفاع-الجوي", new Display("الدفاع الجوي", Optional.of("أخبار الدفاع الجوي"), Optional.empty()),
                "iran", new Display("Iran", Optional.empty(), Optional.of("https://news.example/%D8%A5%D9%8A%D8%B1%D8%A7%D9%86"))),
                site.categories());
        assertEquals(Map.of("نور-الدين", new Display("نور الدين", Optional.of("كاتب وخبير"), Optional.empty())), site.authors());
    }

    @Test
    void optionalSettingsTakeTheirDefaultsAndOptionalFilesMayBeAbsent() throws IOException {
        write("site.json", MINIMAL_SITE);

        SiteConfig site = FeedsDirectory.load(folder, Optional.empty(), FALLBACK);

        assertEquals(new SiteConfig("منبر", "وصف", FALLBACK, "ar", 20, 12_000, 30, Map.of(), Map.of()), site);
    }

    @Test
    void baseUrlOverrideWinsOverSiteJsonAndLosesItsTrailingSlash() throws IOException {
        write("site.json", "{\"title\": \"منبر\", \"description\": \"وصف\", \"baseUrl\": \"https://site-json.example\"}");

        SiteConfig site = FeedsDirectory.load(folder, Optional.of("https://override.example/news/"), FALLBACK);

        assertEquals("https://override.example/news", site.baseUrl());
    }

    @Test
    void siteJsonBaseUrlWinsOverTheFallback() throws IOException {
        write("site.json", "{\"title\": \"منبر\", \"description\": \"وصف\", \"baseUrl\": \"https://site-json.example/\"}");
        assertEquals("https://site-json.example", FeedsDirectory.load(folder, Optional.empty(), FALLBACK).baseUrl());
    }

    @Test
    void missingSiteJsonIsNamed() {
        ConfigException e = assertThrows(ConfigException.class, () -> FeedsDirectory.load(folder, Optional.empty(), FALLBACK));
        assertEquals(folder.resolve("site.json") + ": not found (the channel configuration; see README, Configuration)",
                e.getMessage());
    }

    @Test
    void missingTitleNamesTheFileAndField() throws IOException {
        write("site.json", "{\"description\": \"وصف\"}");
        assertFails(folder.resolve("site.json") + ": $.title is required");
    }

    @Test
    void blankDescriptionCountsAsMissing() throws IOException {
        write("site.json", "{\"title\": \"منبر\", \"description\": \" \\n \"}");
        assertFails(folder.resolve("site.json") + ": $.description is required");
    }

    @Test
    void itemsPerFeedOfZeroIsRejected() throws IOException {
        write("site.json", "{\"title\": \"منبر\", \"description\": \"وصف\", \"itemsPerFeed\": 0}");
        assertFails(folder.resolve("site.json") + ": $.itemsPerFeed must be between 1 and 100");
    }

    @Test
    void itemsPerFeedOfOneHundredAndOneIsRejected() throws IOException {
        write("site.json", "{\"title\": \"منبر\", \"description\": \"وصف\", \"itemsPerFeed\": 101}");
        assertFails(folder.resolve("site.json") + ": $.itemsPerFeed must be between 1 and 100");
    }

    @Test
    void itemsPerFeedBoundsAreAccepted() throws IOException {
        write("site.json", "{\"title\": \"منبر\", \"description\": \"وصف\", \"itemsPerFeed\": 1}");
        assertEquals(1, FeedsDirectory.load(folder, Optional.empty(), FALLBACK).itemsPerFeed());
        write("site.json", "{\"title\": \"منبر\", \"description\": \"وصف\", \"itemsPerFeed\": 100}");
        assertEquals(100, FeedsDirectory.load(folder, Optional.empty(), FALLBACK).itemsPerFeed());
    }

    @Test
    void itemsPerFeedThatIsNotANumberNamesTheField() throws IOException {
        write("site.json", "{\"title\": \"منبر\", \"description\": \"وصف\", \"itemsPerFeed\": \"many\"}");
        String message = failure();
        assertTrue(message.startsWith(folder.resolve("site.json") + ": $.itemsPerFeed "), message);
    }

    @Test
    void unknownFieldNamesTheFileAndField() throws IOException {
        write("site.json", "{\"title\": \"منبر\", \"description\": \"وصف\", \"colour\": \"أخضر\"}");
        String message = failure();
        assertEquals(folder.resolve("site.json") + ": $.colour is not a known field (known: baseUrl, description,"
                + " itemsPerFeed, language, maxItemContentChars, title, tombstoneDays)", message);
    }

    @Test
    void invalidJsonNamesTheFile() throws IOException {
        write("site.json", "{\"title\": \"منبر\",");
        assertFails(folder.resolve("site.json") + ": not valid JSON: Unexpected end-of-input within/between Object entries");
    }

    @Test
    void badBaseUrlNamesTheSettingTheFileAndTheField() throws IOException {
        write("site.json", "{\"title\": \"منبر\", \"description\": \"وصف\", \"baseUrl\": \"ftp://news.example\"}");
        assertFails("base URL 'ftp://news.example' (--base-url, MINBAR_BASE_URL or " + folder.resolve("site.json")
                + " $.baseUrl) must be an absolute http or https URL");
    }

    @Test
    void baseUrlWithAQueryIsRejected() throws IOException {
        write("site.json", MINIMAL_SITE);
        ConfigException e = assertThrows(ConfigException.class,
                () -> FeedsDirectory.load(folder, Optional.of("https://news.example/?lang=ar"), FALLBACK));
        assertEquals("base URL 'https://news.example/?lang=ar' (--base-url, MINBAR_BASE_URL or " + folder.resolve("site.json")
                + " $.baseUrl) must not have a query or fragment", e.getMessage());
    }

    @Test
    void badLanguageIsRejected() throws IOException {
        write("site.json", "{\"title\": \"منبر\", \"description\": \"وصف\", \"language\": \"العربية\"}");
        assertFails(folder.resolve("site.json") + ": $.language must be a language tag such as \"ar\"");
    }

    @Test
    void tooSmallContentBudgetIsRejected() throws IOException {
        write("site.json", "{\"title\": \"منبر\", \"description\": \"وصف\", \"maxItemContentChars\": 499}");
        assertFails(folder.resolve("site.json") + ": $.maxItemContentChars must be at least 500");
    }

    @Test
    void categoriesSharingASlugAreRejectedAtTheSecondEntry() throws IOException {
        write("site.json", MINIMAL_SITE);
        write("categories.json", "[{\"name\": \"سوريا\"}, {\"name\": \"سُورِيَا\"}]");
        assertFails(folder.resolve("categories.json") + ": $[1] repeats the slug 'سوريا'");
    }

    @Test
    void authorWithoutNameIsReportedAtItsIndex() throws IOException {
        write("site.json", MINIMAL_SITE);
        write("authors.json", "[{\"name\": \"نور الدين\"}, {\"bio\": \"كاتب\"}]");
        assertFails(folder.resolve("authors.json") + ": $[1].name is required");
    }

    @Test
    void categoryWithABadUrlIsReportedAtItsIndex() throws IOException {
        write("site.json", MINIMAL_SITE);
        write("categories.json", "[{\"name\": \"سوريا\", \"url\": \"/category/syria\"}]");
        assertFails(folder.resolve("categories.json") + ": $[0].url must be an absolute http or https URL");
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(folder.resolve(name), content);
    }

    private String failure() {
        return assertThrows(ConfigException.class, () -> FeedsDirectory.load(folder, Optional.empty(), FALLBACK)).getMessage();
    }

    private void assertFails(String message) {
        assertEquals(message, failure());
    }
}
