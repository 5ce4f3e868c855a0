-- Articles, their authors, categories, tags and related links. Instants are epoch milliseconds, UTC.
-- Never edit this file once released: add 002_... instead (the checksum is verified at start).

CREATE TABLE articles (
    id           INTEGER PRIMARY KEY,
    feed_id      TEXT    NOT NULL UNIQUE,  -- the id feeds carry; fixed at creation
    guid         TEXT    UNIQUE,           -- the publisher's stable id, if it gave one
    url          TEXT    UNIQUE,           -- the publisher's canonical address, if it gave one
    path         TEXT    NOT NULL UNIQUE,  -- this server's page for the article; fixed at creation
    title        TEXT    NOT NULL,
    summary      TEXT    NOT NULL,
    content      TEXT    NOT NULL,         -- sanitized HTML
    image        TEXT,
    language     TEXT    NOT NULL,
    published_at INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL,
    created_at   INTEGER NOT NULL,
    modified_at  INTEGER NOT NULL,
    deleted_at   INTEGER
);
CREATE INDEX articles_live_by_published ON articles (published_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX articles_by_modified ON articles (modified_at);

CREATE TABLE authors (
    id   INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    bio  TEXT,
    url  TEXT
);

CREATE TABLE categories (
    id   INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL
);

CREATE TABLE tags (
    id   INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL
);

-- published_at is copied from the article so that one author's or one category's newest items
-- are a single index range: a feed query reads O(items per feed) rows at any table size.
CREATE TABLE article_authors (
    article_id   INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    author_id    INTEGER NOT NULL REFERENCES authors (id),
    position     INTEGER NOT NULL,
    published_at INTEGER NOT NULL,
    PRIMARY KEY (article_id, author_id)
);
CREATE INDEX article_authors_feed ON article_authors (author_id, published_at DESC, article_id DESC);

CREATE TABLE article_categories (
    article_id   INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    category_id  INTEGER NOT NULL REFERENCES categories (id),
    position     INTEGER NOT NULL,
    published_at INTEGER NOT NULL,
    PRIMARY KEY (article_id, category_id)
);
CREATE INDEX article_categories_feed ON article_categories (category_id, published_at DESC, article_id DESC);

CREATE TABLE article_tags (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    tag_id     INTEGER NOT NULL REFERENCES tags (id),
    position   INTEGER NOT NULL,
    PRIMARY KEY (article_id, tag_id)
);
CREATE INDEX article_tags_by_tag ON article_tags (tag_id);

-- A related story is an address, or the guid of another article resolved when feeds are built.
CREATE TABLE related_links (
    article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    title       TEXT    NOT NULL,
    url         TEXT,
    target_guid TEXT,
    PRIMARY KEY (article_id, position),
    CHECK (url IS NOT NULL OR target_guid IS NOT NULL)
);

-- The validators last served for each feed document, so Last-Modified survives restarts and only
-- moves when the document's bytes change.
CREATE TABLE feed_validators (
    feed          TEXT    NOT NULL,
    format        TEXT    NOT NULL,
    etag          TEXT    NOT NULL,
    last_modified INTEGER NOT NULL,
    PRIMARY KEY (feed, format)
);
