-- PostgreSQL dialect of the SQLite migration of the same name (../010_feed_counts.sql). Each SQLite
-- trigger is a PL/pgSQL function and a row trigger of the same name. PostgreSQL forbids subqueries
-- in a trigger's WHEN, so the linked/unlinked triggers test that the article is live in their
-- function instead; the article triggers keep their WHEN. Function bodies are dollar-quoted: the
-- migration runner never splits a statement inside them.
-- How many live articles each feed holds over all its pages (the site: kind 'site', term 0), kept
-- by the triggers below as articles are written, deleted and relinked, so rendering a feed reads one
-- row instead of counting the feed's whole history.
CREATE TABLE feed_counts (
    kind    TEXT   NOT NULL,
    term_id BIGINT NOT NULL,
    live    BIGINT NOT NULL,
    PRIMARY KEY (kind, term_id)
);

INSERT INTO feed_counts (kind, term_id, live) SELECT 'site', 0, count(*) FROM articles WHERE deleted_at IS NULL;
INSERT INTO feed_counts (kind, term_id, live) SELECT 'category', l.category_id, count(*) FROM article_categories l
    JOIN articles a ON a.id = l.article_id WHERE a.deleted_at IS NULL GROUP BY l.category_id;
INSERT INTO feed_counts (kind, term_id, live) SELECT 'author', l.author_id, count(*) FROM article_authors l
    JOIN articles a ON a.id = l.article_id WHERE a.deleted_at IS NULL GROUP BY l.author_id;
INSERT INTO feed_counts (kind, term_id, live) SELECT 'tag', l.tag_id, count(*) FROM article_tags l
    JOIN articles a ON a.id = l.article_id WHERE a.deleted_at IS NULL GROUP BY l.tag_id;

CREATE FUNCTION feed_counts_article_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO feed_counts (kind, term_id, live) VALUES ('site', 0, 1)
        ON CONFLICT (kind, term_id) DO UPDATE SET live = feed_counts.live + 1;
    RETURN NULL;
END;
$$;
CREATE TRIGGER feed_counts_article_added AFTER INSERT ON articles
    FOR EACH ROW WHEN (NEW.deleted_at IS NULL) EXECUTE FUNCTION feed_counts_article_added();

CREATE FUNCTION feed_counts_article_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE feed_counts SET live = live - 1 WHERE kind = 'site' AND term_id = 0;
    UPDATE feed_counts SET live = live - 1 WHERE kind = 'category'
        AND term_id IN (SELECT category_id FROM article_categories WHERE article_id = NEW.id);
    UPDATE feed_counts SET live = live - 1 WHERE kind = 'author'
        AND term_id IN (SELECT author_id FROM article_authors WHERE article_id = NEW.id);
    UPDATE feed_counts SET live = live - 1 WHERE kind = 'tag'
        AND term_id IN (SELECT tag_id FROM article_tags WHERE article_id = NEW.id);
    RETURN NULL;
END;
$$;
CREATE TRIGGER feed_counts_article_deleted AFTER UPDATE OF deleted_at ON articles
    FOR EACH ROW WHEN (OLD.deleted_at IS NULL AND NEW.deleted_at IS NOT NULL) EXECUTE FUNCTION feed_counts_article_deleted();

CREATE FUNCTION feed_counts_article_restored() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO feed_counts (kind, term_id, live) VALUES ('site', 0, 1)
        ON CONFLICT (kind, term_id) DO UPDATE SET live = feed_counts.live + 1;
    INSERT INTO feed_counts (kind, term_id, live) SELECT 'category', category_id, 1 FROM article_categories WHERE article_id = NEW.id
        ON CONFLICT (kind, term_id) DO UPDATE SET live = feed_counts.live + 1;
    INSERT INTO feed_counts (kind, term_id, live) SELECT 'author', author_id, 1 FROM article_authors WHERE article_id = NEW.id
        ON CONFLICT (kind, term_id) DO UPDATE SET live = feed_counts.live + 1;
    INSERT INTO feed_counts (kind, term_id, live) SELECT 'tag', tag_id, 1 FROM article_tags WHERE article_id = NEW.id
        ON CONFLICT (kind, term_id) DO UPDATE SET live = feed_counts.live + 1;
    RETURN NULL;
END;
$$;
CREATE TRIGGER feed_counts_article_restored AFTER UPDATE OF deleted_at ON articles
    FOR EACH ROW WHEN (OLD.deleted_at IS NOT NULL AND NEW.deleted_at IS NULL) EXECUTE FUNCTION feed_counts_article_restored();

CREATE FUNCTION feed_counts_category_linked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM articles WHERE id = NEW.article_id AND deleted_at IS NULL) THEN
        INSERT INTO feed_counts (kind, term_id, live) VALUES ('category', NEW.category_id, 1)
            ON CONFLICT (kind, term_id) DO UPDATE SET live = feed_counts.live + 1;
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER feed_counts_category_linked AFTER INSERT ON article_categories
    FOR EACH ROW EXECUTE FUNCTION feed_counts_category_linked();

CREATE FUNCTION feed_counts_category_unlinked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM articles WHERE id = OLD.article_id AND deleted_at IS NULL) THEN
        UPDATE feed_counts SET live = live - 1 WHERE kind = 'category' AND term_id = OLD.category_id;
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER feed_counts_category_unlinked AFTER DELETE ON article_categories
    FOR EACH ROW EXECUTE FUNCTION feed_counts_category_unlinked();

CREATE FUNCTION feed_counts_author_linked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM articles WHERE id = NEW.article_id AND deleted_at IS NULL) THEN
        INSERT INTO feed_counts (kind, term_id, live) VALUES ('author', NEW.author_id, 1)
            ON CONFLICT (kind, term_id) DO UPDATE SET live = feed_counts.live + 1;
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER feed_counts_author_linked AFTER INSERT ON article_authors
    FOR EACH ROW EXECUTE FUNCTION feed_counts_author_linked();

CREATE FUNCTION feed_counts_author_unlinked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM articles WHERE id = OLD.article_id AND deleted_at IS NULL) THEN
        UPDATE feed_counts SET live = live - 1 WHERE kind = 'author' AND term_id = OLD.author_id;
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER feed_counts_author_unlinked AFTER DELETE ON article_authors
    FOR EACH ROW EXECUTE FUNCTION feed_counts_author_unlinked();

CREATE FUNCTION feed_counts_tag_linked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM articles WHERE id = NEW.article_id AND deleted_at IS NULL) THEN
        INSERT INTO feed_counts (kind, term_id, live) VALUES ('tag', NEW.tag_id, 1)
            ON CONFLICT (kind, term_id) DO UPDATE SET live = feed_counts.live + 1;
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER feed_counts_tag_linked AFTER INSERT ON article_tags
    FOR EACH ROW EXECUTE FUNCTION feed_counts_tag_linked();

CREATE FUNCTION feed_counts_tag_unlinked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM articles WHERE id = OLD.article_id AND deleted_at IS NULL) THEN
        UPDATE feed_counts SET live = live - 1 WHERE kind = 'tag' AND term_id = OLD.tag_id;
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER feed_counts_tag_unlinked AFTER DELETE ON article_tags
    FOR EACH ROW EXECUTE FUNCTION feed_counts_tag_unlinked();
