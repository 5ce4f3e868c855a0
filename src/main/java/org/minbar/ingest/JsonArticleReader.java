package org.minbar.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.minbar.model.ArticleDraft;
import org.minbar.model.AuthorDraft;
import org.minbar.model.RelatedReference;

/**
 * Reads the JSON article shape documented in the README into a draft. Strict: unknown fields,
 * wrong types and duplicate keys are problems, each reported with its JSON path.
 */
public final class JsonArticleReader {

    /** The deepest nesting of arrays and objects read: an article needs three levels. */
    static final int MAX_DEPTH = 32;
    private static final Set<String> FIELDS = Set.of("guid", "url", "title", "summary", "content", "author", "authors",
            "categories", "tags", "published", "updated", "image", "related", "language");
    private static final Set<String> AUTHOR_FIELDS = Set.of("name", "bio", "url");
    private static final Set<String> RELATED_FIELDS = Set.of("title", "url", "guid");

    private final ObjectMapper json;
    private final HtmlSanitizer sanitizer;
    private final String siteBaseUrl;

    public JsonArticleReader(HtmlSanitizer sanitizer, String siteBaseUrl) {
        this.sanitizer = sanitizer;
        this.siteBaseUrl = siteBaseUrl;
        this.json = JsonMapper.builder()
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .build();
        json.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build());
    }

    public ArticleDraft read(byte[] body) throws InvalidArticleException {
        return read(body, Optional.empty());
    }

    /** @param slug the Slug header, if the request had one */
    public ArticleDraft read(byte[] body, Optional<String> slug) throws InvalidArticleException {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (StreamConstraintsException e) {
            throw new InvalidArticleException("$", "is refused: its nesting depth or another size passes a limit of"
                    + " this server (at most " + MAX_DEPTH + " levels of arrays and objects): " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            throw new InvalidArticleException("$", "is not valid JSON: " + e.getOriginalMessage()
                    + (where == null ? "" : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")"));
        } catch (IOException e) {
            throw new InvalidArticleException("$", "could not be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidArticleException("$", "must be a JSON object");
        }
        DraftValidator check = new DraftValidator();
        unknownFields(check, "$", root, FIELDS);

        Optional<String> url = check.url("$.url", string(check, root, "url"));
        String title = check.title("$.title", string(check, root, "title"));
        Optional<String> summary = check.summary("$.summary", string(check, root, "summary"));
        String content = check.content("$.content", string(check, root, "content"), sanitizer, url.orElse(siteBaseUrl + "/"));
        if (content.isEmpty() && summary.isEmpty()) {
            check.problem("$.content", "is required (or at least a summary)");
        }
        Optional<Instant> published = check.date("$.published", string(check, root, "published"));
        Optional<Instant> updated = check.date("$.updated", string(check, root, "updated"));
        check.datesInOrder("$.updated", published, updated);

        ArticleDraft draft = new ArticleDraft(
                check.guid("$.guid", string(check, root, "guid")),
                url,
                title,
                summary,
                content,
                authors(check, root),
                check.names("$.categories", strings(check, root, "categories"), DraftValidator.MAX_CATEGORIES),
                check.names("$.tags", strings(check, root, "tags"), DraftValidator.MAX_TAGS),
                published,
                updated,
                check.url("$.image", string(check, root, "image")),
                related(check, root),
                check.language("$.language", string(check, root, "language")),
                slug.flatMap(check::pageSlug));
        check.throwIfAny();
        return draft;
    }

    private List<AuthorDraft> authors(DraftValidator check, JsonNode root) {
        JsonNode single = root.get("author");
        JsonNode list = root.get("authors");
        if (isGiven(single) && isGiven(list)) {
            check.problem("$.authors", "give either author or authors, not both");
            return List.of();
        }
        List<AuthorDraft> authors = new ArrayList<>();
        if (isGiven(single)) {
            authors.add(author(check, "$.author", single));
        } else if (isGiven(list)) {
            if (!list.isArray()) {
                check.problem("$.authors", "must be a list of author objects");
                return List.of();
            }
            if (list.size() > DraftValidator.MAX_AUTHORS) {
                check.problem("$.authors", "may have at most " + DraftValidator.MAX_AUTHORS + " entries");
                return List.of();
            }
            for (int i = 0; i < list.size(); i++) {
                authors.add(author(check, "$.authors[" + i + "]", list.get(i)));
            }
        }
        return authors;
    }

    /** An author object, or a plain string as shorthand for {"name": …}. */
    private AuthorDraft author(DraftValidator check, String field, JsonNode node) {
        if (node.isTextual()) {
            return check.author(field, node.asText(), null, null);
        }
        if (!node.isObject()) {
            check.problem(field, "must be an object with name, bio and url");
            return new AuthorDraft("", Optional.empty(), Optional.empty());
        }
        unknownFields(check, field, node, AUTHOR_FIELDS);
        return check.author(field, string(check, field, node, "name"), string(check, field, node, "bio"),
                string(check, field, node, "url"));
    }

    private List<RelatedReference> related(DraftValidator check, JsonNode root) {
        JsonNode list = root.get("related");
        if (!isGiven(list)) {
            return List.of();
        }
        if (!list.isArray()) {
            check.problem("$.related", "must be a list of {title, url} objects");
            return List.of();
        }
        if (list.size() > DraftValidator.MAX_RELATED) {
            check.problem("$.related", "may have at most " + DraftValidator.MAX_RELATED + " entries");
            return List.of();
        }
        List<RelatedReference> related = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String field = "$.related[" + i + "]";
            JsonNode node = list.get(i);
            if (!node.isObject()) {
                check.problem(field, "must be an object with title and url");
                continue;
            }
            unknownFields(check, field, node, RELATED_FIELDS);
            related.add(check.related(field, string(check, field, node, "title"), string(check, field, node, "url"),
                    string(check, field, node, "guid")));
        }
        return related;
    }

    private static void unknownFields(DraftValidator check, String path, JsonNode object, Set<String> known) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                check.problem(path + "." + name, "is not a known field (known: " + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }

    private static String string(DraftValidator check, JsonNode object, String name) {
        return string(check, "$", object, name);
    }

    /** The field's text; null when absent or JSON null; a problem when it is not a string. */
    private static String string(DraftValidator check, String path, JsonNode object, String name) {
        JsonNode value = object.get(name);
        if (!isGiven(value)) {
            return null;
        }
        if (!value.isTextual()) {
            check.problem(path + "." + name, "must be a string, not " + kind(value));
            return null;
        }
        return value.asText();
    }

    private static List<String> strings(DraftValidator check, JsonNode object, String name) {
        JsonNode value = object.get(name);
        if (!isGiven(value)) {
            return List.of();
        }
        if (!value.isArray()) {
            check.problem("$." + name, "must be a list of strings, not " + kind(value));
            return List.of();
        }
        List<String> strings = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            if (value.get(i).isTextual()) {
                strings.add(value.get(i).asText());
            } else {
                check.problem("$." + name + "[" + i + "]", "must be a string, not " + kind(value.get(i)));
            }
        }
        return strings;
    }

    private static boolean isGiven(JsonNode node) {
        return node != null && !node.isNull();
    }

    private static String kind(JsonNode node) {
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        if (node.isTextual()) {
            return "a string";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isObject()) {
            return "an object";
        }
        return node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }
}
