package org.minbar.service;

/**
 * Which document of a feed: its current document (what subscribers poll, page 1), a later page of
 * it (?paged=N, the archived articles newest first), or an RFC 5005 archive (1 is the oldest).
 */
public sealed interface FeedDocument {

    /** The feed's own address: every article not yet archived. */
    record Current() implements FeedDocument {
        @Override
        public String suffix() {
            return "";
        }
    }

    /** Page {@code number} (from 2) of the feed, as WordPress numbers them. */
    record Page(int number) implements FeedDocument {
        public Page {
            if (number < 2) {
                throw new IllegalArgumentException("page 1 is the current document");
            }
        }

        @Override
        public String suffix() {
            return "|page " + number;
        }
    }

    /** Archive {@code number} (from 1, the oldest), whose set of entries never changes once made. */
    record Archive(int number) implements FeedDocument {
        public Archive {
            if (number < 1) {
                throw new IllegalArgumentException("archives are numbered from 1");
            }
        }

        @Override
        public String suffix() {
            return "|archive " + number;
        }
    }

    FeedDocument CURRENT = new Current();

    /** Page {@code number} as the ?paged parameter names it: 1 is the current document. */
    static FeedDocument page(int number) {
        return number == 1 ? CURRENT : new Page(number);
    }

    /** How the stored validators name this document after its feed's name: "", "|page 2", "|archive 1". */
    String suffix();
}
