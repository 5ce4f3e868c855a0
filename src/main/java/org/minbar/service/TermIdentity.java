package org.minbar.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.minbar.config.Display;
import org.minbar.config.SiteConfig;
import org.minbar.ingest.WordPressId;
import org.minbar.model.Article;
import org.minbar.model.FeedFormat;
import org.minbar.model.FeedKey;
import org.minbar.publish.SiteLinks;
import org.minbar.storage.ArticleStore;
import org.minbar.storage.ChangeLog;
import org.minbar.storage.Database;
import org.minbar.storage.SubscriptionStore;
import org.minbar.storage.TermKeys;
import org.minbar.storage.TermTable;
import org.minbar.storage.Terms;
import org.minbar.text.Slugs;

/**
 * One identity per category, tag and author, whatever spelling names it: its slug, its name, the
 * slug and name of any term merged into it, and the slug feeds/categories.json or authors.json
 * gives it, all compared by {@link Slugs#key} (so Arabic spelling variants meet).
 *
 * <p>A slug a source chose (a WordPress export's {@code air-defence}, a slug in feeds/*.json) is
 * canonical: a term that only had the slug made from its name takes it, and its old address
 * redirects. Stores that hold one term twice (from before these keys) are merged at start; a merge
 * moves the articles, the feed's entries and its WebSub subscriptions, and logs every moved article
 * as changed, so the index, the feed caches and the hub follow from the change log as for any write.
 */
public final class TermIdentity {

    private final SiteConfig site;
    private final SiteLinks links;
    private final FeedHistory history;
    private final Clock clock;
    private final ArticleStore articles = new ArticleStore();
    private final ChangeLog changes = new ChangeLog();
    private final SubscriptionStore subscriptions = new SubscriptionStore();

    public TermIdentity(SiteConfig site, SiteLinks links, FeedHistory history, Clock clock) {
        this.site = site;
        this.links = links;
        this.history = history;
        this.clock = clock;
    }

    /**
     * The term a posted name (and the slug its source gave, or the one made from the name) files an
     * article under: found by any spelling, else created. In the write's transaction.
     */
    public long resolve(Connection connection, TermTable table, String name, String slug) throws SQLException {
        Terms terms = Terms.of(table);
        TermKeys keys = new TermKeys(table);
        boolean chosen = isChosen(slug, name);
        Optional<Terms.Term> found = terms.findBySlug(connection, slug);
        if (found.isPresent() && Slugs.key(found.get().name()).equals(Slugs.key(name))) {
            return found.get().id(); // the usual case, on every write: its keys were claimed when it was made
        }
        if (found.isEmpty()) {
            found = byKey(connection, terms, keys, slug, name);
        }
        String wanted = slug;
        if (found.isEmpty() && !chosen) {
            Optional<String> configured = configuredSlug(table, name);
            if (configured.isPresent()) {
                wanted = configured.get();
                found = terms.findBySlug(connection, wanted);
            }
        }
        long id;
        if (found.isPresent()) {
            Terms.Term term = found.get();
            id = term.id();
            if (chosen && !term.slug().equals(slug) && !isChosen(term.slug(), term.name())) {
                rename(connection, table, term, slug); // the slug the source chose replaces the one made from the name
            }
        } else {
            id = terms.insert(connection, wanted, name);
        }
        keys.claim(connection, Slugs.key(name), id);
        keys.claim(connection, Slugs.key(slug), id);
        keys.claim(connection, Slugs.key(wanted), id);
        return id;
    }

    /**
     * Gives each category, tag and author that a WordPress export named by an id the key of that id
     * ({@link TermKeys#wordPressId}), found by its slug or its name as {@link #resolve} finds it; ids of
     * terms no imported post used name nothing here. Returns how many terms took an id.
     */
    int recordWordPressIds(Connection connection, List<WordPressId> ids) throws SQLException {
        int recorded = 0;
        for (WordPressId id : ids) {
            TermTable table = TermTable.of(id.kind());
            Terms terms = Terms.of(table);
            TermKeys keys = new TermKeys(table);
            Optional<Terms.Term> term = terms.findBySlug(connection, id.slug());
            if (term.isEmpty()) {
                term = byKey(connection, terms, keys, id.slug(), id.name());
            }
            if (term.isPresent()) {
                keys.claim(connection, TermKeys.wordPressId(id.id()), term.get().id());
                recorded++;
            }
        }
        return recorded;
    }

    /**
     * Keys the terms that have none (those written before keys existed), merging a term into the
     * one that already holds its name's key; then gives the slugs of feeds/categories.json and
     * authors.json to the terms their names find. Returns how many terms were merged or renamed.
     */
    public int reconcile(Database database) {
        return database.write(connection -> {
            int changed = 0;
            for (TermTable table : TermTable.values()) {
                changed += keyUnkeyed(connection, table);
            }
            changed += adoptConfigured(connection, TermTable.CATEGORY, site.categories());
            changed += adoptConfigured(connection, TermTable.AUTHOR, site.authors());
            return changed;
        });
    }

    private int keyUnkeyed(Connection connection, TermTable table) throws SQLException {
        Terms terms = Terms.of(table);
        TermKeys keys = new TermKeys(table);
        List<Terms.Term> unkeyed = new ArrayList<>(terms.unkeyed(connection));
        // Chosen slugs first, so they hold the keys their names share with terms whose slug was made from the name.
        unkeyed.sort(Comparator.comparing((Terms.Term t) -> !isChosen(t.slug(), t.name())).thenComparing(Terms.Term::id));
        int merged = 0;
        for (Terms.Term term : unkeyed) {
            Optional<Terms.Term> holder = byKey(connection, terms, keys, term.slug(), term.name());
            if (holder.isPresent() && holder.get().id() != term.id()) {
                merge(connection, table, term, holder.get());
                merged++;
            } else {
                keys.claim(connection, Slugs.key(term.name()), term.id());
                keys.claim(connection, Slugs.key(term.slug()), term.id());
            }
        }
        return merged;
    }

    private int adoptConfigured(Connection connection, TermTable table, Map<String, Display> configured) throws SQLException {
        Terms terms = Terms.of(table);
        TermKeys keys = new TermKeys(table);
        int changed = 0;
        for (Map.Entry<String, Display> entry : configured.entrySet()) {
            String slug = entry.getKey();
            if (!isChosen(slug, entry.getValue().name())) {
                continue; // an entry without a slug of its own only describes the term of that name
            }
            Optional<Terms.Term> bySlug = terms.findBySlug(connection, slug);
            Optional<Terms.Term> byName = byKey(connection, terms, keys, entry.getValue().name(), entry.getValue().name());
            if (byName.isPresent() && bySlug.isPresent() && byName.get().id() != bySlug.get().id()) {
                merge(connection, table, byName.get(), bySlug.get());
                changed++;
            } else if (byName.isPresent() && bySlug.isEmpty()) {
                rename(connection, table, byName.get(), slug);
                changed++;
            }
            Optional<Terms.Term> now = terms.findBySlug(connection, slug);
            if (now.isPresent()) {
                keys.claim(connection, Slugs.key(slug), now.get().id());
                keys.claim(connection, Slugs.key(entry.getValue().name()), now.get().id());
            }
        }
        return changed;
    }

    private static Optional<Terms.Term> byKey(Connection connection, Terms terms, TermKeys keys, String slug, String name)
            throws SQLException {
        Optional<Long> id = keys.find(connection, Slugs.key(slug));
        if (id.isEmpty()) {
            id = keys.find(connection, Slugs.key(name));
        }
        return id.isEmpty() ? Optional.empty() : terms.findById(connection, id.get());
    }

    /** The slug feeds/*.json chose for the term of this name, if any (not one it only made from the name). */
    private Optional<String> configuredSlug(TermTable table, String name) {
        Map<String, Display> configured = switch (table) {
            case CATEGORY -> site.categories();
            case AUTHOR -> site.authors();
            case TAG -> Map.of();
        };
        String key = Slugs.key(name);
        return configured.entrySet().stream()
                .filter(entry -> isChosen(entry.getKey(), entry.getValue().name()))
                .filter(entry -> Slugs.key(entry.getValue().name()).equals(key) || Slugs.key(entry.getKey()).equals(key))
                .map(Map.Entry::getKey).findFirst();
    }

    /** Whether a slug was chosen by its source (an export, the config) rather than made from the name. */
    static boolean isChosen(String slug, String name) {
        return !slug.equals(Slugs.of(name));
    }

    private void rename(Connection connection, TermTable table, Terms.Term term, String slug) throws SQLException {
        Terms terms = Terms.of(table);
        terms.rename(connection, term.id(), slug);
        new TermKeys(table).claim(connection, Slugs.key(slug), term.id());
        moved(connection, table, term.slug(), slug, terms.articles(connection, term.id()));
    }

    private void merge(Connection connection, TermTable table, Terms.Term from, Terms.Term into) throws SQLException {
        List<Long> moved = Terms.of(table).mergeInto(connection, from.id(), into.id());
        history.merged(connection, table.feed(from.id()), table.feed(into.id()));
        new TermKeys(table).handOver(connection, from.id(), into.id());
        moved(connection, table, from.slug(), into.slug(), moved);
    }

    /**
     * After a term's feed moved from one slug to another: its subscribers follow it, and each of its
     * articles is logged as changed, under the old feed and the new, for everything derived to follow.
     */
    private void moved(Connection connection, TermTable table, String fromSlug, String toSlug, List<Long> articleIds)
            throws SQLException {
        FeedKey from = new FeedKey(table.feedKind(), fromSlug);
        FeedKey to = new FeedKey(table.feedKind(), toSlug);
        for (FeedFormat format : FeedFormat.advertised()) {
            subscriptions.retopic(connection, links.feed(from, format), links.feed(to, format));
        }
        for (long id : articleIds) {
            Optional<Article> article = articles.find(connection, id);
            if (article.isPresent() && !article.get().isDeleted()) {
                Set<FeedKey> feeds = new LinkedHashSet<>(article.get().feeds());
                feeds.add(from);
                changes.append(connection, id, ChangeLog.Kind.UPDATED, article.get().modified(), feeds, clock.instant());
            }
        }
    }
}
