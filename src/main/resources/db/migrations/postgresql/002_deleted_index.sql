-- PostgreSQL dialect of the SQLite migration of the same name (../002_deleted_index.sql).
-- Recently deleted articles, newest deletion first: the tombstones (RFC 6721) Atom feeds carry.
CREATE INDEX articles_deleted ON articles (deleted_at DESC) WHERE deleted_at IS NOT NULL;
