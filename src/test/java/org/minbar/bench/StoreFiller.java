package org.minbar.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.minbar.model.Author;
import org.minbar.storage.ArticleRow;
import org.minbar.storage.ArticleStore;
import org.minbar.storage.AuthorStore;
import org.minbar.storage.Database;
import org.minbar.storage.FeedEntries;
import org.minbar.storage.FeedId;
import org.minbar.storage.RelatedStore;
import org.minbar.storage.Terms;
import org.minbar.text.Slugs;

/**
 * Fills a store folder with N generated Arabic articles through the server's own Database (so its
 * migrations) and storage classes, as a publish would leave them: authors, categories and tags with
 * their feeds' current documents and archives, and a stored related-story list, so the server has
 * nothing to recompute but its search index. Resumes a store left part-filled. For bench/serve.sh;
 * not part of the test suite. Usage: StoreFiller FOLDER N
 */
public final class StoreFiller {

    private static final int CATEGORIES = 50;
    private static final int AUTHORS = 200;
    private static final int TAGS = 400;
    private static final int PAGE = 20; // itemsPerFeed of feeds/site.json
    private static final int BATCH = 10_000;
    private static final Instant EPOCH = Instant.parse("2016-01-01T00:00:00Z");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final String[] PLACES = ("سوريا مصر العراق لبنان الأردن فلسطين السعودية الإمارات قطر الكويت البحرين عمان"
            + " اليمن ليبيا تونس الجزائر المغرب السودان موريتانيا الصومال تركيا إيران روسيا الصين أوكرانيا فرنسا ألمانيا"
            + " بريطانيا أمريكا الهند باكستان أفغانستان إثيوبيا").split(" ");
    private static final String[] TOPICS = ("اقتصاد رياضة ثقافة صحة تعليم تقنية علوم بيئة طاقة نفط سياسة دفاع أمن"
            + " هجرة قضاء برلمان انتخابات").split(" ");
    private static final String[] FIRST = "محمد أحمد سارة نور ليلى عمر خالد فاطمة يوسف مريم علي هدى سامي رنا طارق".split(" ");
    private static final String[] LAST = "المنصوري الحسيني العلي الخطيب الشامي المصري الزين حداد ناصر العمري القاسم الراشد البكري الصالح".split(" ");
    private static final String[] WORDS = ("أعلنت وزارة الدفاع عن وصول دفعة جديدة من المعدات العسكرية إلى الحدود الشمالية"
            + " وقال مصدر مسؤول إن الحكومة تتابع التطورات الميدانية في المنطقة بعد اجتماع مجلس الوزراء الذي ناقش"
            + " الأوضاع الاقتصادية وأسعار النفط والغاز والتضخم والبطالة وأكد الرئيس أن المفاوضات مستمرة مع الأطراف"
            + " الدولية للتوصل إلى اتفاق شامل لوقف إطلاق النار وتبادل الأسرى وإعادة الإعمار وفتح المعابر أمام"
            + " المساعدات الإنسانية للمدنيين في المدن والقرى المتضررة من القصف والسيول والزلزال كما أشار التقرير إلى"
            + " ارتفاع الصادرات وتراجع الواردات وتحسن ميزان المدفوعات خلال الربع الأخير من العام الماضي").split(" ");

    /** Generated words, used rank-weighted (Zipf-like) and as the words of stories, as real text has a long tail. */
    private static final String[] VOCABULARY = vocabulary(60_000);
    private static final int STORY_WORDS = 12;

    public static void main(String[] args) {
        Path folder = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        long started = System.nanoTime();
        try (Database database = Database.open(folder)) {
            Ids ids = database.write(StoreFiller::terms);
            int from = (int) (long) database.read(c -> new ArticleStore().count(c));
            for (int batch = from; batch < count; batch += BATCH) {
                int start = batch;
                int end = Math.min(count, batch + BATCH);
                database.write(c -> {
                    for (int i = start; i < end; i++) {
                        insert(c, ids, i);
                    }
                    return null;
                });
                if (end % 100_000 == 0 || end == count) {
                    System.out.printf(Locale.ROOT, "filled %,d of %,d articles (%.0f s)%n", end, count, (System.nanoTime() - started) / 1e9);
                }
            }
        }
    }

    /** The ids of the authors, categories and tags the articles are spread over. */
    private record Ids(List<Long> authors, List<Long> categories, List<Long> tags) {}

    private static Ids terms(Connection c) throws SQLException {
        AuthorStore authorStore = new AuthorStore();
        List<Long> authors = new ArrayList<>();
        for (int i = 0; i < AUTHORS; i++) {
            String name = FIRST[i % FIRST.length] + " " + LAST[(i / FIRST.length) % LAST.length] + (i < FIRST.length * LAST.length ? "" : " " + i);
            authors.add(authorStore.upsert(c, new Author(Slugs.of(name), name, Optional.of("محرر في قسم الأخبار."), Optional.empty())));
        }
        List<Long> categories = new ArrayList<>();
        for (int i = 0; i < CATEGORIES; i++) {
            String name = i < PLACES.length ? PLACES[i] : TOPICS[i - PLACES.length];
            categories.add(Terms.categories().upsert(c, Slugs.of(name), name));
        }
        List<Long> tags = new ArrayList<>();
        for (int i = 0; i < TAGS; i++) {
            String name = WORDS[i % WORDS.length] + " " + PLACES[i % PLACES.length] + (i < WORDS.length ? "" : " " + i / WORDS.length);
            tags.add(Terms.tags().upsert(c, Slugs.of(name), name));
        }
        return new Ids(authors, categories, tags);
    }

    private static void insert(Connection c, Ids ids, int i) throws SQLException {
        SplittableRandom random = new SplittableRandom(i);
        Instant published = EPOCH.plusSeconds(i * 300L + random.nextInt(300));
        int story = i / 50 + random.nextInt(100); // a story runs for a few weeks of articles
        String title = sentence(random, story, 8 + random.nextInt(6));
        StringBuilder content = new StringBuilder();
        for (int p = 2 + random.nextInt(3); p > 0; p--) {
            content.append("<p>").append(sentence(random, story, 25 + random.nextInt(20))).append(".</p>");
        }
        ArticleStore articles = new ArticleStore();
        long id = articles.insert(c, new ArticleRow("urn:minbar:bench:" + i, Optional.of("urn:minbar:bench:" + i), Optional.empty(),
                DAY.format(published) + "/" + Slugs.of(title) + "-" + i, title, sentence(random, story, 20) + ".", content.toString(),
                i % 2 == 0 ? Optional.of("https://news.example.org/images/" + i + ".jpg") : Optional.empty(), "ar",
                published, published, published, published));
        List<Long> authors = List.of(ids.authors().get(skewed(random, AUTHORS)));
        List<Long> categories = distinct(ids.categories(), skewed(random, CATEGORIES), random.nextInt(3) == 0 ? skewed(random, CATEGORIES) : -1);
        List<Long> tags = distinct(ids.tags(), random.nextInt(2) == 0 ? skewed(random, TAGS) : -1, random.nextInt(4) == 0 ? skewed(random, TAGS) : -1);
        articles.replaceLinks(c, id, published, authors, categories, tags, List.of());
        List<FeedId> feeds = new ArrayList<>(List.of(FeedId.SITE)); // as FeedHistory.written places an article
        authors.forEach(a -> feeds.add(FeedId.author(a)));
        categories.forEach(k -> feeds.add(FeedId.category(k)));
        tags.forEach(t -> feeds.add(FeedId.tag(t)));
        FeedEntries entries = new FeedEntries();
        entries.place(c, id, feeds);
        for (FeedId feed : feeds) {
            entries.archive(c, feed, PAGE);
        }
        List<RelatedStore.Scored> related = new ArrayList<>(); // stands in for the Lucene lists: recent earlier stories
        Set<Long> chosen = new HashSet<>();
        int bound = (int) Math.min(id - 1, 2_000);
        while (related.size() < Math.min(5, bound)) {
            long other = id - 1 - random.nextInt(bound);
            if (chosen.add(other)) {
                related.add(new RelatedStore.Scored(other, 1.0 / (related.size() + 1)));
            }
        }
        new RelatedStore().replace(c, id, related, published);
    }

    /** Some authors, categories and tags are much busier than others, as on a real site. */
    private static int skewed(SplittableRandom random, int n) {
        double u = random.nextDouble();
        return (int) Math.min(n - 1, Math.floor(n * u * u));
    }

    private static List<Long> distinct(List<Long> ids, int first, int second) {
        List<Long> chosen = new ArrayList<>();
        for (int index : new int[] {first, second}) {
            if (index >= 0 && !chosen.contains(ids.get(index))) {
                chosen.add(ids.get(index));
            }
        }
        return chosen;
    }

    /**
     * A third of the words are common news words, a third the words of the article's story (so
     * related stories share rare words, which is what the related-story search looks for), the
     * rest drawn from the long tail, frequent words far more often than rare ones.
     */
    private static String sentence(SplittableRandom random, int story, int words) {
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < words; w++) {
            int kind = random.nextInt(3);
            String word = kind == 0 ? WORDS[random.nextInt(WORDS.length)]
                    : kind == 1 ? VOCABULARY[Math.floorMod((story * STORY_WORDS + random.nextInt(STORY_WORDS)) * 0x9E3779B1, VOCABULARY.length)]
                    : VOCABULARY[(int) Math.pow(VOCABULARY.length, random.nextDouble()) - 1];
            text.append(w == 0 ? "" : " ").append(word);
        }
        return text.toString();
    }

    private static String[] vocabulary(int size) {
        String letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي";
        SplittableRandom random = new SplittableRandom(42);
        String[] words = new String[size];
        for (int i = 0; i < size; i++) {
            StringBuilder word = new StringBuilder();
            for (int length = 3 + random.nextInt(6); length > 0; length--) {
                word.append(letters.charAt(random.nextInt(letters.length())));
            }
            words[i] = word.toString();
        }
        return words;
    }
}
