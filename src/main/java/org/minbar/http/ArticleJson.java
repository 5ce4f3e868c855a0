package org.minbar.http;

import java.util.LinkedHashMap;
import java.util.Map;
import org.minbar.model.Article;
import org.minbar.model.Author;
import org.minbar.model.Category;
import org.minbar.model.RelatedReference;
import org.minbar.model.Tag;

/**
 * An article as the API returns it: the request's field names ("authors" as a list), plus id,
 * link (where feed items point), page (this server's page), feedId (the id in feeds) and
 * bookkeeping times. Absent optional fields are null.
 */
final class ArticleJson {

    private ArticleJson() {}

    static Map<String, Object> of(Article article, String link, String page) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", article.id());
        json.put("link", link);
        json.put("page", page);
        json.put("feedId", article.feedId());
        json.put("guid", article.guid().orElse(null));
        json.put("url", article.url().orElse(null));
        json.put("title", article.title());
        json.put("summary", article.summary());
        json.put("content", article.content());
        json.put("authors", article.authors().stream().map(ArticleJson::author).toList());
        json.put("categories", article.categories().stream().map(Category::name).toList());
        json.put("tags", article.tags().stream().map(Tag::name).toList());
        json.put("published", article.published().toString());
        json.put("updated", article.updated().toString());
        json.put("image", article.image().orElse(null));
        json.put("related", article.related().stream().map(ArticleJson::related).toList());
        json.put("language", article.language());
        json.put("created", article.created().toString());
        json.put("modified", article.modified().toString());
        return json;
    }

    private static Map<String, Object> author(Author author) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", author.name());
        json.put("slug", author.slug());
        json.put("bio", author.bio().orElse(null));
        json.put("url", author.url().orElse(null));
        return json;
    }

    private static Map<String, Object> related(RelatedReference reference) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("title", reference.title());
        reference.url().ifPresent(url -> json.put("url", url));
        reference.guid().ifPresent(guid -> json.put("guid", guid));
        return json;
    }
}
