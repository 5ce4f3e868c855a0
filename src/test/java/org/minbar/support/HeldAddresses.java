package org.minbar.support;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.minbar.support.WordPressExport.Author;
import org.minbar.support.WordPressExport.Post;
import org.minbar.support.WordPressExport.Term;

/**
 * The feed addresses a subscriber of an exported WordPress site may hold, for the site and each
 * category, tag and author that has posts: WordPress's own (below the page, /feed/ and /feed/atom/,
 * with %XX in lower case as WordPress writes them) and the other spellings that reach the same feed
 * on WordPress or Ghost: /feed/rss2/, no trailing slash, the query forms (?cat= and ?author= by
 * WordPress id, ?category_name= with a child's parent path, ?tag=, ?author_name=) and Ghost's /rss/.
 */
public final class HeldAddresses {

    /** One feed's addresses: its WordPress page, the other spellings of its RSS and Atom feeds, the guids of its posts. */
    public record Subject(String page, List<String> rss, List<String> atom, Set<String> posts) {}

    private HeldAddresses() {}

    public static List<Subject> of(WordPressExport export) {
        List<Subject> subjects = new ArrayList<>();
        subjects.add(new Subject("/", List.of("/feed/rss2/", "/feed", "/?feed=rss2", "/rss/"), List.of("/feed/atom", "/?feed=atom"),
                guids(export.posts())));
        for (Term category : export.categories()) {
            if (!export.postsIn(category).isEmpty()) {
                String page = category.page();
                String name = category.parent().map(parent -> parent + "/").orElse("") + category.nicename();
                subjects.add(new Subject(page,
                        List.of(page + "feed/rss2/", page + "feed", "/?feed=rss2&cat=" + category.id(), "/?category_name=" + name + "&feed=rss2"),
                        List.of(page + "feed/atom", "/?cat=" + category.id() + "&feed=atom", "/?category_name=" + name + "&feed=atom"),
                        guids(export.postsIn(category))));
            }
        }
        for (Term tag : export.tags()) {
            if (!export.postsIn(tag).isEmpty()) {
                String page = tag.page();
                subjects.add(new Subject(page,
                        List.of(page + "feed/rss2/", page + "feed", "/?tag=" + tag.nicename() + "&feed=rss2", page + "rss/"),
                        List.of(page + "feed/atom", "/?feed=atom&tag=" + tag.nicename()), guids(export.postsIn(tag))));
            }
        }
        for (Author author : export.authors()) {
            String page = author.page();
            subjects.add(new Subject(page,
                    List.of(page + "feed/rss2/", page + "feed", "/?author=" + author.id() + "&feed=rss2",
                            "/?author_name=" + author.nicename() + "&feed=rss2", page + "rss/"),
                    List.of(page + "feed/atom", "/?author=" + author.id() + "&feed=atom", "/?author_name=" + author.nicename() + "&feed=atom"),
                    guids(export.postsBy(author))));
        }
        return subjects;
    }

    public static Set<String> guids(List<Post> posts) {
        return posts.stream().map(Post::guid).collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
