package org.minbar.support;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.minbar.support.WordPressExport.Author;
import org.minbar.support.WordPressExport.Post;
import org.minbar.support.WordPressExport.Term;

/**
 * Draws an export's published posts from a seed: unique headlines, authors, categories and tags
 * from {@link ArabicNews}, publication times over 2023 and 2024 distinct to the second (one in
 * eight after local midnight, when the permalink's date is a day past the GMT date), a third of
 * them edited later, bodies as the block editor or the classic editor writes them, some with an
 * image, a featured image, an excerpt or comments. Ids rise with time, as WordPress gives them,
 * except for two posts written late and dated back.
 */
final class WordPressPosts {

    private static final Instant FIRST_DAY = Instant.parse("2023-01-01T00:00:00Z");
    private static final int DAYS = 731;
    /** WordPress keeps at most 200 characters of a percent-encoded post_name. */
    private static final int POST_NAME_LENGTH = 200;

    private final Random random;
    private final List<Author> authors;
    private final Set<Instant> taken = new HashSet<>();
    private final Set<String> titles = new HashSet<>();
    private final Set<String> postNames = new HashSet<>();

    WordPressPosts(Random random, List<Author> authors) {
        this.random = random;
        this.authors = authors;
    }

    /** A story as drawn, before it has its id. */
    private record Drawn(ArabicNews.Story story, Instant published) {}

    WordPressExport posts(int count) {
        List<Drawn> drawn = new ArrayList<>();
        while (drawn.size() < count) {
            ArabicNews.Story story = ArabicNews.story(random);
            if (titles.add(story.title())) {
                drawn.add(new Drawn(story, published()));
            }
        }
        drawn.sort(Comparator.comparing(Drawn::published));
        // Written late, dated back: the third and eleventh stories are exported after all the others.
        List<Drawn> order = new ArrayList<>(drawn);
        order.add(order.remove(10));
        order.add(order.remove(2));

        List<Post> posts = new ArrayList<>();
        long next = 110;
        for (Drawn story : order) {
            Optional<Long> thumbnail = posts.size() % 40 == 7 ? Optional.of(next++) : Optional.empty();
            long id = next;
            next += 1 + random.nextInt(4); // revisions and uploads take the ids between
            posts.add(post(id, story, thumbnail));
        }
        return WordPressExport.of(posts);
    }

    private Post post(long id, Drawn drawn, Optional<Long> thumbnail) {
        ArabicNews.Story story = drawn.story();
        Author author = authors.get(weighted(35, 30, 20, 15));
        List<Term> categories = story.categories().stream().map(WordPressExport.CATEGORY_KEYS::get).toList();
        List<Term> tags = story.tags().stream().map(WordPressExport.TAG_KEYS::get).toList();
        String postName = postName(story.title());
        String content = random.nextBoolean() ? blocks(story, id, drawn.published()) : classic(story, tags);
        String excerpt = random.nextInt(4) == 0 ? story.paragraphs().get(0).replaceFirst("،.*", ".") : "";
        int comments = random.nextInt(7) == 0 ? 1 + random.nextInt(2) : 0;
        return new Post(id, story.title(), postName, author, categories, tags, drawn.published(), modified(drawn.published()),
                content, excerpt, thumbnail, comments);
    }

    /** The block editor's markup: each paragraph in its block comments, a heading and an image now and then. */
    private String blocks(ArabicNews.Story story, long id, Instant published) {
        List<String> blocks = new ArrayList<>();
        if (random.nextInt(6) == 0) {
            // Uploaded the month it was published, linked absolute or, after a migration plugin, root-relative.
            String src = (random.nextBoolean() ? WordPressExport.SITE : "") + "/wp-content/uploads/"
                    + DateTimeFormatter.ofPattern("yyyy/MM/", Locale.ROOT).format(published.atOffset(WordPressExport.LOCAL))
                    + "photo-" + id + ".jpg";
            blocks.add("<!-- wp:image {\"id\":" + (id - 1) + ",\"sizeSlug\":\"large\"} -->\n<figure class=\"wp-block-image size-large\">"
                    + "<img src=\"" + src + "\" alt=\"\" class=\"wp-image-" + (id - 1) + "\"/></figure>\n<!-- /wp:image -->");
        }
        List<String> paragraphs = story.paragraphs();
        for (int i = 0; i < paragraphs.size(); i++) {
            if (i == paragraphs.size() - 1 && paragraphs.size() > 3 && random.nextBoolean()) {
                blocks.add("<!-- wp:heading -->\n<h2 class=\"wp-block-heading\">ردود الفعل</h2>\n<!-- /wp:heading -->");
            }
            blocks.add("<!-- wp:paragraph -->\n<p>" + paragraphs.get(i) + "</p>\n<!-- /wp:paragraph -->");
        }
        return String.join("\n\n", blocks);
    }

    /** The classic editor's: paragraphs separated by blank lines (wpautop makes them), a link to a tag in the text. */
    private String classic(ArabicNews.Story story, List<Term> tags) {
        List<String> paragraphs = new ArrayList<>(story.paragraphs());
        if (!tags.isEmpty() && random.nextBoolean()) {
            Term tag = tags.get(0);
            paragraphs.set(1, paragraphs.get(1) + " (المزيد عن <a href=\"" + WordPressExport.SITE + "/tag/" + tag.nicename() + "/\">"
                    + tag.name() + "</a>)");
        }
        paragraphs.set(0, "<strong>" + paragraphs.get(0) + "</strong>");
        return String.join("\n\n", paragraphs);
    }

    /** sanitize_title's post_name: words joined by hyphens, percent-encoded in lower case, cut at 200, made unique with -2. */
    private String postName(String title) {
        String words = title.replace(' ', '-');
        String name = encodedUpTo(words, POST_NAME_LENGTH);
        for (int n = 2; !postNames.add(name); n++) {
            String suffix = "-" + n;
            name = encodedUpTo(words, POST_NAME_LENGTH - suffix.length()) + suffix;
        }
        return name;
    }

    /** As WordPress's utf8_uri_encode: whole characters while the encoded text fits, no hyphen left at the end. */
    private static String encodedUpTo(String text, int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            String encoded = WordPressExport.percentEncoded(Character.toString(codePoint), false);
            if (out.length() + encoded.length() > length) {
                break;
            }
            out.append(encoded);
            i += Character.charCount(codePoint);
        }
        return out.toString().replaceAll("-+$", "");
    }

    private Instant published() {
        // One in eight after local midnight, when the GMT date is still the day before.
        int hour = random.nextInt(8) == 0 ? 21 + random.nextInt(3) : 3 + random.nextInt(18);
        return distinct(FIRST_DAY.plus(Duration.ofDays(random.nextInt(DAYS))).plus(Duration.ofHours(hour))
                .plusSeconds(random.nextInt(3600)));
    }

    /** An edit minutes to weeks later for a third of the posts; otherwise the publication time, as WordPress writes it. */
    private Instant modified(Instant published) {
        if (random.nextInt(3) != 0) {
            return published;
        }
        Instant edited = published.plusSeconds(300 + random.nextInt(20 * 24 * 3600));
        return edited.isBefore(WordPressExport.EXPORTED) ? distinct(edited) : published;
    }

    private Instant distinct(Instant at) {
        Instant free = at;
        while (!taken.add(free)) {
            free = free.plusSeconds(1);
        }
        return free;
    }

    private int weighted(int... weights) {
        int draw = random.nextInt(java.util.Arrays.stream(weights).sum());
        for (int i = 0; i < weights.length; i++) {
            draw -= weights[i];
            if (draw < 0) {
                return i;
            }
        }
        throw new IllegalStateException();
    }
}
