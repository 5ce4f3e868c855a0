package org.minbar.publish;

import java.util.function.IntFunction;

/**
 * Which page of a listing this is, of how many, and the address of each: what the previous and
 * next links (and link rel="prev"/"next") point to.
 */
public record Paging(int page, int pages, IntFunction<String> address) {

    public Paging {
        if (page < 1 || pages < 1 || page > pages) {
            throw new IllegalArgumentException("page " + page + " of " + pages);
        }
    }

    /** How many pages {@code count} items fill, {@code perPage} a page; an empty listing still has its first page. */
    public static int pages(long count, int perPage) {
        return (int) Math.max(1, (count + perPage - 1) / perPage);
    }

    boolean hasPrevious() {
        return page > 1;
    }

    boolean hasNext() {
        return page < pages;
    }
}
