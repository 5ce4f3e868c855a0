package org.minbar.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.minbar.model.TermDraft;

/**
 * Reads the schema.org article a page describes in JSON-LD: the first NewsArticle, Article or
 * BlogPosting among its blocks, inside {@code @graph} arrays too, with {@code @id} references
 * (Yoast's authors and images) followed within the page. A block that is not valid JSON is skipped.
 */
final class PageJsonLd {

    private static final Set<String> ARTICLE_TYPES = Set.of("Article", "NewsArticle", "BlogPosting", "ReportageNewsArticle");

    private static final ObjectMapper JSON = lenientMapper();

    private PageJsonLd() {}

    static PageFacts read(Document page) {
        List<JsonNode> nodes = new ArrayList<>();
        for (Element script : page.select("script[type~=(?i)^\\s*application/ld\\+json\\s*(;.*)?$]")) {
            parse(script.data()).ifPresent(node -> collect(node, nodes));
        }
        Map<String, JsonNode> byId = new HashMap<>();
        nodes.stream().filter(node -> node.path("@id").isTextual()).forEach(node -> byId.putIfAbsent(node.get("@id").asText(), node));
        PageFacts facts = new PageFacts();
        nodes.stream().filter(PageJsonLd::isArticle).findFirst().ifPresent(article -> fill(facts, article, byId));
        return facts;
    }

    private static void fill(PageFacts facts, JsonNode article, Map<String, JsonNode> byId) {
        facts.title = PageText.firstGiven(text(article, "headline"), text(article, "name"));
        facts.url = PageText.firstGiven(text(article, "url"), address(article.get("mainEntityOfPage")));
        facts.guid = text(article, "@id");
        facts.summary = text(article, "description");
        facts.published = text(article, "datePublished");
        facts.updated = text(article, "dateModified");
        facts.language = text(article, "inLanguage");
        facts.bodyText = text(article, "articleBody");
        facts.image = image(resolve(article.get("image"), byId), byId);
        for (JsonNode author : list(article.get("author"))) {
            author(resolve(author, byId)).ifPresent(facts.authors::add);
        }
        for (JsonNode section : list(article.get("articleSection"))) {
            if (section.isTextual()) {
                facts.categories.add(TermDraft.named(section.asText()));
            }
        }
        for (JsonNode keyword : list(article.get("keywords"))) {
            if (keyword.isTextual()) {
                for (String tag : keyword.asText().split("[,،]")) {
                    if (!PageText.line(tag).isEmpty()) {
                        facts.tags.add(TermDraft.named(tag));
                    }
                }
            }
        }
    }

    private static Optional<PageFacts.Author> author(JsonNode node) {
        if (node.isTextual()) {
            return Optional.of(new PageFacts.Author(node.asText(), null, null));
        }
        String name = text(node, "name");
        return name == null ? Optional.empty() : Optional.of(new PageFacts.Author(name, text(node, "description"), text(node, "url")));
    }

    /** An image given as an address, an ImageObject (url or contentUrl), or a list of either: the first. */
    private static String image(JsonNode node, Map<String, JsonNode> byId) {
        for (JsonNode image : list(node)) {
            JsonNode resolved = resolve(image, byId);
            String url = resolved.isTextual() ? resolved.asText() : PageText.firstGiven(text(resolved, "url"), text(resolved, "contentUrl"));
            if (url != null) {
                return url;
            }
        }
        return null;
    }

    /** mainEntityOfPage: an address, or a WebPage object named by its @id or url. */
    private static String address(JsonNode node) {
        if (node == null) {
            return null;
        }
        return node.isTextual() ? node.asText() : PageText.firstGiven(text(node, "url"), text(node, "@id"));
    }

    /** The node an {"@id": …} reference points to within the page, or the node itself. */
    private static JsonNode resolve(JsonNode node, Map<String, JsonNode> byId) {
        if (node != null && node.isObject() && node.size() == 1 && node.path("@id").isTextual()) {
            return byId.getOrDefault(node.get("@id").asText(), node);
        }
        return node == null ? JSON.missingNode() : node;
    }

    private static boolean isArticle(JsonNode node) {
        for (JsonNode type : list(node.get("@type"))) {
            String name = type.asText().replaceFirst("^https?://schema\\.org/", "");
            if (ARTICLE_TYPES.contains(name) || name.endsWith("NewsArticle")) {
                return true;
            }
        }
        return false;
    }

    /** Every object in the block: top-level lists, @graph arrays, and a WebPage's mainEntity. */
    private static void collect(JsonNode node, List<JsonNode> into) {
        if (node.isArray()) {
            node.forEach(child -> collect(child, into));
        } else if (node.isObject()) {
            into.add(node);
            if (node.has("@graph")) {
                collect(node.get("@graph"), into);
            }
            if (node.path("mainEntity").isObject()) {
                collect(node.get("mainEntity"), into);
            }
        }
    }

    private static List<JsonNode> list(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return List.of();
        }
        List<JsonNode> items = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(items::add);
        } else {
            items.add(node);
        }
        return items;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }

    private static Optional<JsonNode> parse(String data) {
        String json = data.replace("<!--", "").replace("-->", "").replace("<![CDATA[", "").replace("]]>", "");
        try {
            return Optional.ofNullable(JSON.readTree(json));
        } catch (JsonProcessingException e) {
            return Optional.empty(); // a broken block in a theme's markup must not cost the page
        }
    }

    /** Themes write JSON-LD by hand: comments, trailing commas and raw line breaks in strings are common. */
    private static ObjectMapper lenientMapper() {
        ObjectMapper mapper = JsonMapper.builder()
                .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA,
                        JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
                .build();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build());
        return mapper;
    }
}
