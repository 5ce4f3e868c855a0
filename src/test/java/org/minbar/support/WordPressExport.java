package org.minbar.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;

/**
 * A realistic WordPress export (WXR 1.2) of an Arabic defence-news site, generated from a seed so
 * every run writes the same file: four authors, categories and tags with Latin and Arabic slugs
 * (percent-encoded as WordPress writes them), published posts over two years with distinct
 * publication and modification times to the second, and the items an import must skip (a draft,
 * a page, a menu item, the attachments of posts with a featured image). It also says what it holds,
 * so a test knows which posts each feed should carry.
 */
public final class WordPressExport {

    public static final String SITE = "https://defense-arab.example";
    /** The site's time zone (Asia/Riyadh): wp:post_date and the dates in permalinks are local time. */
    static final ZoneOffset LOCAL = ZoneOffset.ofHours(3);
    /** When the export was made: after every post and every edit. */
    static final Instant EXPORTED = Instant.parse("2025-01-10T08:15:42Z");

    /** A WordPress user: wp:author_id, the login posts name in dc:creator, and the display name. */
    public record Author(long id, String login, String name) {
        /** WordPress's user_nicename, the login as an address segment: "sara.mansouri" → "sara-mansouri". */
        public String nicename() {
            return login.replace('.', '-');
        }

        /** The author's page as WordPress links it, /author/{nicename}/: its feeds are below it. */
        public String page() {
            return "/author/" + nicename() + "/";
        }
    }

    /** A category or tag: its wp:term_id, name and slug (decoded: "سوريا", "air-defence"). */
    public record Term(boolean category, long id, String name, String slug, Optional<String> parent) {
        /** The slug as WordPress writes it in exports and links: UTF-8 percent-encoded, lower-case hex. */
        public String nicename() {
            return WordPressExport.percentEncoded(slug, false);
        }

        /** The term's page as WordPress links it, /category/{nicename}/ or /tag/{nicename}/: its feeds are below it. */
        public String page() {
            return (category ? "/category/" : "/tag/") + nicename() + "/";
        }
    }

    /** A published post. */
    public record Post(long id, String title, String postName, Author author, List<Term> categories, List<Term> tags,
                       Instant published, Instant modified, String content, String excerpt, Optional<Long> thumbnail,
                       int comments) {
        /** WordPress's guid for a post, the feed id the import keeps. */
        public String guid() {
            return SITE + "/?p=" + id;
        }

        /** The permalink path, /{yyyy}/{mm}/{dd}/{post_name}/, dated in the site's time zone as WordPress dates it. */
        public String path() {
            LocalDate day = published.atOffset(LOCAL).toLocalDate();
            return String.format(Locale.ROOT, "/%04d/%02d/%02d/%s/", day.getYear(), day.getMonthValue(),
                    day.getDayOfMonth(), postName);
        }

        public String link() {
            return SITE + path();
        }
    }

    private final List<Author> authors;
    private final List<Term> categories;
    private final List<Term> tags;
    private final List<Post> posts;

    private WordPressExport(List<Author> authors, List<Term> categories, List<Term> tags, List<Post> posts) {
        this.authors = authors;
        this.categories = categories;
        this.tags = tags;
        this.posts = posts;
    }

    /** The site's authors, categories, tags and {@code count} published posts, in export order (by post id). */
    public static WordPressExport generate(long seed, int count) {
        return new WordPressPosts(new Random(seed), AUTHORS).posts(count);
    }

    static WordPressExport of(List<Post> posts) {
        return new WordPressExport(AUTHORS, CATEGORIES, TAGS, posts);
    }

    public List<Author> authors() {
        return authors;
    }

    public List<Term> categories() {
        return categories;
    }

    public List<Term> tags() {
        return tags;
    }

    /** The published posts, in export order. */
    public List<Post> posts() {
        return posts;
    }

    /** The category {@link ArabicNews} files stories under by this key ("syria", "air-defence", "iran" …). */
    public Term category(String key) {
        return Optional.ofNullable(CATEGORY_KEYS.get(key)).orElseThrow(() -> new IllegalArgumentException("no category " + key));
    }

    /** The tag by its key ("s-400", "patriot", "revolutionary-guard" …). */
    public Term tag(String key) {
        return Optional.ofNullable(TAG_KEYS.get(key)).orElseThrow(() -> new IllegalArgumentException("no tag " + key));
    }

    public Author author(String login) {
        return authors.stream().filter(a -> a.login().equals(login)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no author " + login));
    }

    /** The posts filed under this category or tag. */
    public List<Post> postsIn(Term term) {
        return posts.stream().filter(p -> (term.category() ? p.categories() : p.tags()).contains(term)).toList();
    }

    public List<Post> postsBy(Author author) {
        return posts.stream().filter(p -> p.author().equals(author)).toList();
    }

    /** The items an import skips, by the reason it gives (post type or status), as {@code minbar import} sorts them. */
    public Map<String, Integer> skipped() {
        Map<String, Integer> skipped = new TreeMap<>();
        skipped.put("attachment", (int) posts.stream().filter(p -> p.thumbnail().isPresent()).count());
        skipped.put("draft", 1);
        skipped.put("nav_menu_item", 1);
        skipped.put("page", 1);
        return skipped;
    }

    /** Writes the export to {@code file}, as WordPress's Tools → Export does. */
    public Path write(Path file) throws IOException {
        return Files.writeString(file, new WxrWriter(this).document(), StandardCharsets.UTF_8);
    }

    /** UTF-8 percent-encoding of everything but RFC 3986's unreserved characters, with WordPress's lower-case hex or RFC 3986's upper-case. */
    public static String percentEncoded(String text, boolean upperCase) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                String hex = String.format(Locale.ROOT, "%%%02X", c);
                out.append(upperCase ? hex : hex.toLowerCase(Locale.ROOT));
            }
        }
        return out.toString();
    }

    static final List<Author> AUTHORS = List.of(
            new Author(2, "noureddine", "نور الدين"),
            new Author(3, "sara.mansouri", "سارة المنصوري"),
            new Author(5, "k.haddad", "كريم الحداد"),
            new Author(8, "layla.omari", "ليلى العمري"));

    /** Categories by the keys {@link ArabicNews} files stories under; "uncategorized" holds only the draft. */
    static final Map<String, Term> CATEGORY_KEYS = new LinkedHashMap<>();
    static final Map<String, Term> TAG_KEYS = new LinkedHashMap<>();

    static {
        category("uncategorized", 1, "غير مصنف", "غير-مصنف", null);
        category("syria", 3, "سوريا", "سوريا", null);
        category("turkey", 4, "تركيا", "تركيا", null);
        category("air-defence", 5, "دفاع جوي", "air-defence", null);
        category("egypt", 6, "مصر", "مصر", null);
        category("iran", 7, "إيران", "إيران", null);
        category("gulf", 9, "الخليج", "gulf", null);
        category("world", 10, "العالم", "world", null);
        category("asia", 11, "آسيا", "asia", "world");
        category("defence-industry", 13, "صناعات دفاعية", "صناعات-دفاعية", null);
        tag("s-400", 12, "إس-400", "إس-400");
        tag("patriot", 14, "باتريوت", "patriot");
        tag("idlib", 15, "إدلب", "إدلب");
        tag("ankara", 16, "أنقرة", "أنقرة");
        tag("egyptian-army", 17, "الجيش المصري", "الجيش-المصري");
        tag("navy", 18, "القوات البحرية", "navy");
        tag("revolutionary-guard", 19, "الحرس الثوري", "الحرس-الثوري");
        tag("russia", 20, "روسيا", "روسيا");
        tag("nato", 21, "الناتو", "nato");
        tag("f-35", 22, "إف-35", "f-35");
        tag("drones", 23, "طائرات مسيرة", "drones");
        tag("ballistic-missiles", 24, "صواريخ باليستية", "صواريخ-باليستية");
        tag("red-sea", 25, "البحر الأحمر", "red-sea");
        tag("exercises", 26, "مناورات", "مناورات");
        tag("cyber", 27, "الأمن السيبراني", "cyber");
    }

    static final List<Term> CATEGORIES = List.copyOf(CATEGORY_KEYS.values());
    static final List<Term> TAGS = List.copyOf(TAG_KEYS.values());

    private static void category(String key, long id, String name, String slug, String parent) {
        CATEGORY_KEYS.put(key, new Term(true, id, name, slug, Optional.ofNullable(parent)));
    }

    private static void tag(String key, long id, String name, String slug) {
        TAG_KEYS.put(key, new Term(false, id, name, slug, Optional.empty()));
    }
}
