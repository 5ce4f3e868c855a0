package org.minbar.publish;

import java.time.Instant;
import java.util.List;
import org.jsoup.nodes.Element;
import org.minbar.model.Article;
import org.minbar.model.Author;
import org.minbar.model.FeedKey;
import org.minbar.text.ArabicDates;

/**
 * An article as a listing shows it (headline, lead image at its own proportions, summary, authors
 * and date), and the byline and dates it shares with the article page.
 */
final class ArticleCards {

    private final SiteLinks links;
    private final ArabicDates dates;

    ArticleCards(SiteLinks links, ArabicDates dates) {
        this.links = links;
        this.dates = dates;
    }

    void list(Element parent, List<Article> articles) {
        for (Article article : articles) {
            Element card = parent.appendElement("article").addClass("card").attr("lang", article.language())
                    .attr("dir", Languages.direction(article.language()));
            card.appendElement("h2").appendElement("a").attr("href", links.article(article)).text(article.title());
            // The headline beside it says what the picture is of, so the image is not announced again.
            article.image().ifPresent(src -> card.appendElement("figure").appendElement("img").attr("src", src).attr("alt", "")
                    .attr("loading", "lazy").attr("decoding", "async"));
            if (!article.summary().isBlank()) {
                card.appendElement("p").addClass("summary").text(article.summary());
            }
            meta(card, article);
        }
    }

    /**
     * "بقلم …، … | ٩ فبراير ٢٠٢٠ | ١٥ جمادى الآخرة ١٤٤١ هـ". A bar, not a middle dot, between the parts:
     * beside Arabic-Indic digits a dot reads as a zero (٠).
     */
    void meta(Element parent, Article article) {
        Element meta = parent.appendElement("p").addClass("meta");
        List<Author> authors = article.authors();
        if (!authors.isEmpty()) {
            meta.appendText("بقلم ");
            for (int i = 0; i < authors.size(); i++) {
                if (i > 0) {
                    meta.appendText("، ");
                }
                meta.appendElement("a").attr("rel", "author").attr("href", links.page(FeedKey.author(authors.get(i).slug())))
                        .text(authors.get(i).name());
            }
            meta.appendText(" | ");
        }
        date(meta, article.published());
    }

    /** The Gregorian day in a time element, and the Hijri day beside it. */
    void date(Element parent, Instant moment) {
        parent.appendElement("time").attr("datetime", moment.toString()).text(dates.gregorian(moment));
        dates.hijri(moment).ifPresent(hijri -> {
            parent.appendText(" | ");
            parent.appendElement("span").addClass("hijri").text(hijri);
        });
    }
}
