package org.minbar.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Chooses a page's authors from its sources in order of trust: the names of the most trusted
 * source that names any, each completed with the bio and page a less trusted source gives for the
 * same name (a JSON-LD author with the theme's author box, say).
 */
final class PageAuthors {

    private PageAuthors() {}

    static List<PageFacts.Author> merge(List<List<PageFacts.Author>> sources) {
        List<PageFacts.Author> named = sources.stream()
                .map(source -> source.stream().filter(author -> !PageText.line(author.name()).isEmpty()).toList())
                .filter(source -> !source.isEmpty())
                .findFirst().orElse(List.of());
        List<PageFacts.Author> merged = new ArrayList<>();
        for (PageFacts.Author author : named) {
            String bio = author.bio();
            String url = author.url();
            for (List<PageFacts.Author> source : sources) {
                for (PageFacts.Author other : source) {
                    if (sameName(author, other)) {
                        bio = bio != null ? bio : other.bio();
                        url = url != null ? url : other.url();
                    }
                }
                if (url == null && named.size() == 1) {
                    url = onlyUnnamedUrl(source);
                }
            }
            merged.add(new PageFacts.Author(author.name(), bio, url));
        }
        return merged;
    }

    /** An author page given without a name (article:author as a URL) belongs to the only author there is. */
    private static String onlyUnnamedUrl(List<PageFacts.Author> source) {
        return source.size() == 1 && PageText.line(source.get(0).name()).isEmpty() ? source.get(0).url() : null;
    }

    /** Both have a name, and the names read the same (tashkeel, hamza forms and spacing aside). */
    static boolean sameName(PageFacts.Author a, PageFacts.Author b) {
        return !PageText.line(a.name()).isEmpty() && !PageText.line(b.name()).isEmpty()
                && PageText.folded(a.name()).equals(PageText.folded(b.name()));
    }
}
