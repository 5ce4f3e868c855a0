package org.minbar.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minbar.support.WordPressExport.Post;
import org.w3c.dom.Element;

// Covers the generated export itself, so that what WordPressMigrationIT finds is the server's doing: the same file from the same seed, times distinct to the second, terms as WordPress files them.
class WordPressExportTest {

    @TempDir
    Path temp;

    @Test
    void theSameSeedWritesTheSameExport() throws Exception {
        String one = Files.readString(WordPressExport.generate(7, 120).write(temp.resolve("one.xml")));
        String two = Files.readString(WordPressExport.generate(7, 120).write(temp.resolve("two.xml")));
        assertEquals(one, two);
        assertNotEquals(one, Files.readString(WordPressExport.generate(8, 120).write(temp.resolve("three.xml"))));
    }

    @Test
    void postsArePublishedAndModifiedAtDistinctSecondsAndFiledAsWordPressFilesThem() {
        WordPressExport export = WordPressExport.generate(20250110L, 120);
        List<Post> posts = export.posts();
        assertEquals(120, posts.size());
        Set<Instant> published = new HashSet<>();
        Set<Instant> updated = new HashSet<>();
        for (Post post : posts) {
            assertTrue(published.add(post.published()), "published " + post.published() + " twice");
            assertTrue(updated.add(post.modified()), "modified " + post.modified() + " twice");
            assertFalse(post.modified().isBefore(post.published()), post.guid());
            assertTrue(post.categories().size() >= 1 && post.categories().size() <= 2, post.guid());
            assertTrue(post.tags().size() <= 3, post.guid());
            assertTrue(post.postName().length() <= 200 && !post.postName().endsWith("-"), post.postName());
        }
        assertEquals(120, posts.stream().map(Post::postName).distinct().count(), "post names are unique");
        assertTrue(export.postsIn(export.category("air-defence")).size() > 40, "a category big enough to have an archive");
        assertTrue(posts.stream().anyMatch(p -> !p.path().startsWith(p.published().toString().substring(0, 10).replace('-', '/'), 1)),
                "some posts are published after local midnight, a day past their UTC date");
        assertTrue(posts.get(posts.size() - 1).published().isBefore(posts.get(0).published().plusSeconds(86400 * 60)),
                "the last posts exported were written late and dated back");
    }

    @Test
    void theExportIsWellFormedWxrWithItsTermsAndTheItemsAnImportSkips() throws Exception {
        WordPressExport export = WordPressExport.generate(20250110L, 120);
        Element channel = Xml.child(Xml.parse(Files.readAllBytes(export.write(temp.resolve("export.xml")))).getDocumentElement(), null, "channel");
        String wp = "http://wordpress.org/export/1.2/";
        assertEquals(4, Xml.children(channel, wp, "author").size());
        assertEquals(export.categories().size(), Xml.children(channel, wp, "category").size());
        assertEquals(export.tags().size(), Xml.children(channel, wp, "tag").size());
        assertEquals(export.posts().size() + 6, Xml.children(channel, null, "item").size(), "posts, 3 attachments, a page, a draft, a menu item");
        assertEquals("%d8%a5%d9%8a%d8%b1%d8%a7%d9%86", export.category("iran").nicename(), "WordPress's lower-case percent-encoding");
        assertEquals("/category/air-defence/", export.category("air-defence").page());
        assertEquals("/author/sara-mansouri/", export.author("sara.mansouri").page());
    }
}
