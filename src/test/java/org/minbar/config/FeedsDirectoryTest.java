package org.minbar.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minbar.text.DateStyle;

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
        assertEquals(folder.resolve("site.json") + ": $.colour is not a known field (known: baseUrl, dates, description,"
                + " itemsPerFeed, language, maxItemContentChars, title, tombstoneDays, websub)", message);
    }

    @Test
    void datesTakeTheDigitsMonthNamesAndTimeZoneGiven() throws IOException {
        write("site.json", "{\"title\": \"منبر\", \"description\": \"وصف\", \"dates\": {\"digits\": \"latin\","
                + " \"months\": \"levantine\", \"timeZone\": \"Asia/Riyadh\"}}");
        assertEquals(new DateStyle(DateStyle.Digits.LATIN, DateStyle.Months.LEVANTINE, ZoneId.of("Asia/Riyadh")),
                FeedsDirectory.load(folder, Optional.empty(), FALLBACK).dates());
        write("site.json", "{\"title\": \"منبر\", \"description\": \"وصف\", \"dates\": {\"months\": \"levantine\"}}");
        assertEquals(new DateStyle(DateStyle.Digits.ARABIC_INDIC, DateStyle.Months.LEVANTINE, ZoneId.of("UTC")),
                FeedsDirectory.load(folder, Optional.empty(), FALLBACK).dates());
    }

    @Test
    void datesWithoutSettingsAreArabicIndicEgyptianAndUtc() throws IOException {
        write("site.json", MINIMAL_SITE);
        assertEquals(DateStyle.DEFAULT, FeedsDirectory.load(folder, Optional.empty(), FALLBACK).dates());
        assertEquals(new DateStyle(DateStyle.Digits.ARABIC_INDIC, DateStyle.Months.EGYPTIAN, ZoneId.of("UTC")), DateStyle.DEFAULT);
    }

    @Test
    void badDateSettingsNameTheFieldAndTheAllowedValues() throws IOException {
        write("site.json", "{\"title\": \"منبر\", \"description\": \"وصف\", \"dates\": {\"digits\": \"roman\"}}");
        assertFails(folder.resolve("site.json") + ": $.dates.digits must be \"arabic-indic\" or \"latin\" (got \"roman\")");
        write("site.json", "{\"title\": \"منبر\", \"description\": \"وصف\", \"dates\": {\"months\": \"maghrebi\"}}");
        assertFails(folder.resolve("site.json") + ": $.dates.months must be \"egyptian\" or \"levantine\" (got \"maghrebi\")");
        write("site.json", "{\"title\": \"منبر\", \"description\": \"وصف\", \"dates\": {\"timeZone\": \"Mars/Olympus\"}}");
        assertFails(folder.resolve("site.json") + ": $.dates.timeZone must be a time zone such as \"Asia/Riyadh\" or \"UTC\""
                + " (got \"Mars/Olympus\")");
        write("site.json", "{\"title\": \"منبر\", \"description\": \"وصف\", \"dates\": {\"calendar\": \"hijri\"}}");
        assertFails(folder.resolve("site.json") + ": $.dates.calendar is not a known field (known: digits, months, timeZone)");
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

    @Test
    void websubSettingsAreReadAndDefaultTheRest() throws IOException {
        write("site.json", """
                {"title": "منبر", "description": "وصف", "websub": {"minLeaseSeconds": 1, "maxLeaseSeconds": 86400,
                 "defaultLeaseSeconds": 3600, "allowPrivateCallbacks": true, "retryBaseSeconds": 1,
                 "externalHubs": ["https://pubsubhubbub.appspot.com/"]}}
                """);
        WebSubConfig websub = FeedsDirectory.load(folder, Optional.empty(), FALLBACK).websub();
        assertEquals(new WebSubConfig(Duration.ofHours(1), Duration.ofSeconds(1), Duration.ofDays(1), 10_000, true,
                Duration.ofSeconds(1), 8, List.of("https://pubsubhubbub.appspot.com/")), websub);
        assertEquals(Duration.ofDays(1), websub.lease(OptionalLong.of(Long.MAX_VALUE)), "clamped to the maximum");
        assertEquals(Duration.ofSeconds(1), websub.lease(OptionalLong.of(1)));
        assertEquals(Duration.ofHours(1), websub.lease(OptionalLong.empty()), "the default");
    }

    @Test
    void websubDefaultsAreTenDaysWithinAnHourAndThirtyDays() throws IOException {
        write("site.json", MINIMAL_SITE);
        WebSubConfig websub = FeedsDirectory.load(folder, Optional.empty(), FALLBACK).websub();
        assertEquals(WebSubConfig.DEFAULTS, websub);
        assertEquals(Duration.ofHours(1), websub.lease(OptionalLong.of(5)), "a five-second lease is raised to the minimum");
        assertEquals(Duration.ofDays(10), websub.lease(OptionalLong.empty()));
        assertFalse(websub.allowPrivateCallbacks());
    }

    @Test
    void websubDefaultLeaseOutsideTheBoundsNamesTheField() throws IOException {
        write("site.json", "{\"title\": \"منبر\", \"description\": \"وصف\", \"websub\": {\"defaultLeaseSeconds\": 60}}");
        assertFails(folder.resolve("site.json") + ": $.websub.defaultLeaseSeconds must be between minLeaseSeconds (3600)"
                + " and maxLeaseSeconds (2592000)");
    }

    @Test
    void websubMinimumAboveMaximumIsRejected() throws IOException {
        write("site.json", "{\"title\": \"منبر\", \"description\": \"وصف\", \"websub\": {\"minLeaseSeconds\": 100,"
                + " \"maxLeaseSeconds\": 10, \"defaultLeaseSeconds\": 50}}");
        assertFails(folder.resolve("site.json") + ": $.websub.minLeaseSeconds and maxLeaseSeconds must satisfy"
                + " 1 <= min <= max <= 31536000 (now 100 and 10)");
    }

    @Test
    void websubBadExternalHubAndUnknownFieldAreNamed() throws IOException {
        write("site.json", "{\"title\": \"منبر\", \"description\": \"وصف\", \"websub\": {\"externalHubs\": [\"ftp://hub.example\"]}}");
        assertFails(folder.resolve("site.json") + ": $.websub.externalHubs[0] must be an absolute http or https URL");
        write("site.json", "{\"title\": \"منبر\", \"description\": \"وصف\", \"websub\": {\"maxAttempts\": 0}}");
        assertFails(folder.resolve("site.json") + ": $.websub.maxAttempts must be between 1 and 20");
        write("site.json", "{\"title\": \"منبر\", \"description\": \"وصف\", \"websub\": {\"leaseDays\": 3}}");
        assertTrue(failure().startsWith(folder.resolve("site.json") + ": $.websub.leaseDays is not a known field"));
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
