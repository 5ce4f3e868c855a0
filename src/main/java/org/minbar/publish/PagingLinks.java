package org.minbar.publish;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.minbar.text.ArabicDates;

/** The way through a listing's pages: previous and next links under it, and link rel="prev"/"next" in its head. */
final class PagingLinks {

    private final ArabicDates dates;

    PagingLinks(ArabicDates dates) {
        this.dates = dates;
    }

    /** Previous and next links, in the page and as link rel="prev"/"next" in its head. */
    void add(Document page, Paging paging) {
        if (paging.pages() == 1) {
            return;
        }
        Element nav = PageShell.main(page).appendElement("nav").addClass("paging").attr("aria-label", "صفحات القائمة");
        if (paging.hasPrevious()) {
            String previous = paging.address().apply(paging.page() - 1);
            page.head().appendElement("link").attr("rel", "prev").attr("href", previous);
            nav.appendElement("a").attr("rel", "prev").attr("href", previous).text("→ الأحدث");
        }
        nav.appendElement("span").text("الصفحة " + dates.digits(paging.page()) + " من " + dates.digits(paging.pages()));
        if (paging.hasNext()) {
            String next = paging.address().apply(paging.page() + 1);
            page.head().appendElement("link").attr("rel", "next").attr("href", next);
            nav.appendElement("a").attr("rel", "next").attr("href", next).text("الأقدم ←");
        }
    }
}
