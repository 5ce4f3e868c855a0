package org.minbar.support;

/** JSON bodies of realistic Arabic articles for tests. */
public final class Articles {

    private Articles() {}

    /** A full article with every field, as documented in the README. */
    public static String s400Deal(String guid) {
        return """
            {
              "guid": "%s",
              "url": "https://news.example.org/2024/03/s400-deal",
              "title": "تركيا تتسلم الدفعة الثانية من منظومة إس-400 الروسية",
              "summary": "وصلت إلى أنقرة شحنة جديدة من مكونات منظومة الدفاع الجوي الروسية إس-400.",
              "content": "<p>أعلنت وزارة الدفاع التركية وصول الدفعة الثانية من منظومة <b>إس-400</b>.</p><h2>ردود الفعل</h2><p>وقالت واشنطن إنها تتابع الأمر.</p>",
              "author": {"name": "سارة المنصوري", "bio": "محررة الشؤون الدفاعية.", "url": "https://news.example.org/author/sara"},
              "categories": ["تركيا", "دفاع جوي"],
              "tags": ["إس-400", "روسيا"],
              "published": "2024-03-10T09:30:00+03:00",
              "updated": "2024-03-10T11:00:00+03:00",
              "image": "https://news.example.org/images/s400.jpg",
              "related": [{"title": "باتريوت ضد صواريخ إيران", "url": "https://news.example.org/patriot-vs-iran"}],
              "language": "ar"
            }
            """.formatted(guid);
    }

    /** A short article in one category by one author, with no URL of its own. */
    public static String brief(String guid, String title, String category, String author, String published) {
        return """
            {"guid": "%s", "title": "%s", "content": "<p>%s: نص الخبر الكامل.</p>",
             "author": {"name": "%s"}, "categories": ["%s"], "published": "%s"}
            """.formatted(guid, title, title, author, category, published);
    }
}
