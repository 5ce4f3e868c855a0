package org.minbar.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.minbar.text.CleanText;
import org.minbar.text.DateStyle;
import org.minbar.text.Slugs;
import org.minbar.text.WebAddresses;

/**
 * Reads the channel configuration from the feeds/ folder: site.json (required),
 * categories.json and authors.json (optional display data). Fails with the file and field named.
 */
public final class FeedsDirectory {

    static final int DEFAULT_ITEMS_PER_FEED = 20;
    static final int MAX_ITEMS_PER_FEED = 100;
    static final int DEFAULT_MAX_ITEM_CONTENT_CHARS = 12_000;
    static final int DEFAULT_TOMBSTONE_DAYS = 30;
    static final Duration MAX_LEASE = Duration.ofDays(365);

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    record SiteFile(String title, String description, String baseUrl, String language,
                    Integer itemsPerFeed, Integer maxItemContentChars, Integer tombstoneDays, WebSubFile websub,
                    DatesFile dates) {}

    record DatesFile(String digits, String months, String timeZone) {}

    record WebSubFile(Long defaultLeaseSeconds, Long minLeaseSeconds, Long maxLeaseSeconds, Integer maxSubscriptions,
                      Boolean allowPrivateCallbacks, Long retryBaseSeconds, Integer maxAttempts, List<String> externalHubs) {}

    record DisplayFile(String name, String slug, String description, String bio, String url) {}

    private FeedsDirectory() {}

    /**
     * @param baseUrlOverride the --base-url setting, which wins over site.json
     * @param fallbackBaseUrl used when neither gives one (derived from the listening address)
     */
    public static SiteConfig load(Path folder, Optional<String> baseUrlOverride, String fallbackBaseUrl) {
        Path sitePath = folder.resolve("site.json");
        if (!Files.isRegularFile(sitePath)) {
            throw new ConfigException(sitePath + ": not found (the channel configuration; see README, Configuration)");
        }
        SiteFile site = read(sitePath, SiteFile.class);
        String title = required(sitePath, "title", site.title());
        String description = required(sitePath, "description", site.description());
        String language = site.language() == null ? "ar" : site.language().strip();
        if (!language.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
            throw new ConfigException(sitePath + ": $.language must be a language tag such as \"ar\"");
        }
        int items = site.itemsPerFeed() == null ? DEFAULT_ITEMS_PER_FEED : site.itemsPerFeed();
        if (items < 1 || items > MAX_ITEMS_PER_FEED) {
            throw new ConfigException(sitePath + ": $.itemsPerFeed must be between 1 and " + MAX_ITEMS_PER_FEED);
        }
        int maxContent = site.maxItemContentChars() == null ? DEFAULT_MAX_ITEM_CONTENT_CHARS : site.maxItemContentChars();
        if (maxContent < 500) {
            throw new ConfigException(sitePath + ": $.maxItemContentChars must be at least 500");
        }
        int tombstoneDays = site.tombstoneDays() == null ? DEFAULT_TOMBSTONE_DAYS : site.tombstoneDays();
        if (tombstoneDays < 0 || tombstoneDays > 3650) {
            throw new ConfigException(sitePath + ": $.tombstoneDays must be between 0 and 3650");
        }
        String baseUrl = baseUrl(sitePath, baseUrlOverride.or(() -> Optional.ofNullable(site.baseUrl())).orElse(fallbackBaseUrl));
        return new SiteConfig(title, description, baseUrl, language, items, maxContent, tombstoneDays,
                displays(folder.resolve("categories.json")), displays(folder.resolve("authors.json")),
                websub(sitePath, site.websub()), dates(sitePath, site.dates()));
    }

    private static DateStyle dates(Path sitePath, DatesFile file) {
        if (file == null) {
            return DateStyle.DEFAULT;
        }
        DateStyle.Digits digits = file.digits() == null ? DateStyle.DEFAULT.digits() : switch (file.digits()) {
            case "arabic-indic" -> DateStyle.Digits.ARABIC_INDIC;
            case "latin" -> DateStyle.Digits.LATIN;
            default -> throw new ConfigException(sitePath + ": $.dates.digits must be \"arabic-indic\" or \"latin\" (got \""
                    + file.digits() + "\")");
        };
        DateStyle.Months months = file.months() == null ? DateStyle.DEFAULT.months() : switch (file.months()) {
            case "egyptian" -> DateStyle.Months.EGYPTIAN;
            case "levantine" -> DateStyle.Months.LEVANTINE;
            default -> throw new ConfigException(sitePath + ": $.dates.months must be \"egyptian\" or \"levantine\" (got \""
                    + file.months() + "\")");
        };
        ZoneId zone = DateStyle.DEFAULT.zone();
        if (file.timeZone() != null) {
            try {
                zone = ZoneId.of(file.timeZone());
            } catch (DateTimeException e) {
                throw new ConfigException(sitePath + ": $.dates.timeZone must be a time zone such as \"Asia/Riyadh\" or \"UTC\" (got \""
                        + file.timeZone() + "\")");
            }
        }
        return new DateStyle(digits, months, zone);
    }

    private static WebSubConfig websub(Path sitePath, WebSubFile file) {
        WebSubConfig defaults = WebSubConfig.DEFAULTS;
        if (file == null) {
            return defaults;
        }
        Duration min = seconds(file.minLeaseSeconds(), defaults.minLease());
        Duration max = seconds(file.maxLeaseSeconds(), defaults.maxLease());
        Duration lease = seconds(file.defaultLeaseSeconds(), defaults.defaultLease());
        if (min.toSeconds() < 1 || max.compareTo(MAX_LEASE) > 0 || min.compareTo(max) > 0) {
            throw new ConfigException(sitePath + ": $.websub.minLeaseSeconds and maxLeaseSeconds must satisfy"
                    + " 1 <= min <= max <= " + MAX_LEASE.toSeconds() + " (now " + min.toSeconds() + " and "
                    + max.toSeconds() + ")");
        }
        if (lease.compareTo(min) < 0 || lease.compareTo(max) > 0) {
            throw new ConfigException(sitePath + ": $.websub.defaultLeaseSeconds must be between minLeaseSeconds ("
                    + min.toSeconds() + ") and maxLeaseSeconds (" + max.toSeconds() + ")");
        }
        int subscriptions = file.maxSubscriptions() == null ? defaults.maxSubscriptions() : file.maxSubscriptions();
        if (subscriptions < 1 || subscriptions > 1_000_000) {
            throw new ConfigException(sitePath + ": $.websub.maxSubscriptions must be between 1 and 1000000");
        }
        Duration retryBase = seconds(file.retryBaseSeconds(), defaults.retryBase());
        if (retryBase.toSeconds() < 1 || retryBase.toSeconds() > 86_400) {
            throw new ConfigException(sitePath + ": $.websub.retryBaseSeconds must be between 1 and 86400");
        }
        int attempts = file.maxAttempts() == null ? defaults.maxAttempts() : file.maxAttempts();
        if (attempts < 1 || attempts > 20) {
            throw new ConfigException(sitePath + ": $.websub.maxAttempts must be between 1 and 20");
        }
        List<String> hubs = new ArrayList<>();
        List<String> given = file.externalHubs() == null ? List.of() : file.externalHubs();
        for (int i = 0; i < given.size(); i++) {
            try {
                hubs.add(WebAddresses.toUri(given.get(i) == null ? "" : given.get(i)));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(sitePath + ": $.websub.externalHubs[" + i + "] " + e.getMessage());
            }
        }
        return new WebSubConfig(lease, min, max, subscriptions,
                Boolean.TRUE.equals(file.allowPrivateCallbacks()), retryBase, attempts, hubs);
    }

    private static Duration seconds(Long value, Duration fallback) {
        return value == null ? fallback : Duration.ofSeconds(value);
    }

    private static String baseUrl(Path sitePath, String raw) {
        try {
            String uri = WebAddresses.toUri(raw);
            if (uri.contains("?") || uri.contains("#")) {
                throw new IllegalArgumentException("must not have a query or fragment");
            }
            return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
        } catch (IllegalArgumentException e) {
            throw new ConfigException("base URL '" + raw + "' (--base-url, MINBAR_BASE_URL or " + sitePath
                    + " $.baseUrl) " + e.getMessage());
        }
    }

    private static Map<String, Display> displays(Path path) {
        if (!Files.exists(path)) {
            return Map.of();
        }
        DisplayFile[] entries = read(path, DisplayFile[].class);
        Map<String, Display> bySlug = new LinkedHashMap<>();
        for (int i = 0; i < entries.length; i++) {
            String where = "$[" + i + "]";
            DisplayFile entry = entries[i];
            if (entry == null) {
                throw new ConfigException(path + ": " + where + " must be an object");
            }
            String name = required(path, where + ".name", entry.name());
            String slug = Slugs.of(entry.slug() == null ? name : entry.slug());
            if (slug.isEmpty() || slug.contains("/")) {
                throw new ConfigException(path + ": " + where + ".slug must be a non-empty path segment");
            }
            Optional<String> description = Optional.ofNullable(entry.description() != null ? entry.description() : entry.bio())
                    .map(CleanText::line).filter(s -> !s.isEmpty());
            Optional<String> url = Optional.ofNullable(entry.url()).map(u -> {
                try {
                    return WebAddresses.toUri(u);
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(path + ": " + where + ".url " + e.getMessage());
                }
            });
            if (bySlug.put(slug, new Display(name, description, url)) != null) {
                throw new ConfigException(path + ": " + where + " repeats the slug '" + slug + "'");
            }
        }
        return bySlug;
    }

    private static String required(Path path, String field, String value) {
        String clean = value == null ? "" : CleanText.line(value);
        if (clean.isEmpty()) {
            throw new ConfigException(path + ": " + (field.startsWith("$") ? field : "$." + field) + " is required");
        }
        return clean;
    }

    private static <T> T read(Path path, Class<T> type) {
        try {
            return JSON.readValue(Files.readAllBytes(path), type);
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException(path + ": " + JsonPaths.of(e) + " is not a known field (known: "
                    + String.join(", ", e.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList()) + ")", e);
        } catch (JsonMappingException e) {
            throw new ConfigException(path + ": " + JsonPaths.of(e) + " " + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw new ConfigException(path + ": not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ConfigException(path + ": cannot be read: " + e.getMessage(), e);
        }
    }

}
