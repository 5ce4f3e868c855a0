package org.minbar.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.minbar.config.Display;
import org.minbar.config.SiteConfig;
import org.minbar.model.FeedKey;
import org.minbar.publish.HtmlPages;
import org.minbar.publish.HtmlPages.FeedEntry;
import org.minbar.storage.Terms;

/**
 * The sections the reader pages' header leads to: the categories feeds/categories.json declares,
 * in its order, that have a page (an article was filed under them). A declared category with no
 * article yet is left out rather than leading to a 404; /feeds/ lists every category.
 */
final class SiteSections {

    /** The most sections the header names; /feeds/ lists every category. */
    static final int MOST = 12;

    private final SiteConfig site;
    private final Terms categories = Terms.categories();

    SiteSections(SiteConfig site) {
        this.site = site;
    }

    /** The pages, their header leading to the sections. */
    HtmlPages on(HtmlPages pages, Connection connection) throws SQLException {
        return site.categories().isEmpty() ? pages : pages.withSections(of(connection));
    }

    private List<FeedEntry> of(Connection connection) throws SQLException {
        List<FeedEntry> sections = new ArrayList<>();
        for (Map.Entry<String, Display> declared : site.categories().entrySet()) {
            if (sections.size() == MOST) {
                break;
            }
            if (categories.findBySlug(connection, declared.getKey()).isPresent()) {
                sections.add(new FeedEntry(FeedKey.category(declared.getKey()), declared.getValue().name()));
            }
        }
        return sections;
    }
}
