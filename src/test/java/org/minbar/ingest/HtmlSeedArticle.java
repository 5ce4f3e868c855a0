package org.minbar.ingest;

import java.io.IOException;
import java.util.List;

/**
 * The scraped seed article (pages/seed-article.txt, verbatim): its lines with text are the
 * scraper's "in", the title, the body paragraphs, "Written by …", the bio, the comment form's two
 * lines and two related headlines.
 */
record HtmlSeedArticle(List<String> lines) {

    /** The body line that is a linked headline, a "read also" on the site. */
    static final String READ_ALSO = "وزارة الدفاع الروسية تنفي مزاعم الغارات الجوية على البنية التحتية المدنية في إدلب";
    private static final String READ_MORE = " إقرأ المزيد";

    static HtmlSeedArticle load() throws IOException {
        List<String> lines = HtmlArticleReaderTest.page("seed-article.txt").lines()
                .filter(line -> !line.replace('\u00a0', ' ').isBlank())
                .toList();
        return new HtmlSeedArticle(lines);
    }

    String title() {
        return lines.get(1);
    }

    List<String> paragraphs() {
        return lines.subList(2, writtenBy());
    }

    List<String> paragraphsWithout(String line) {
        return paragraphs().stream().filter(p -> !p.equals(line)).toList();
    }

    String bioWithoutReadMore() {
        String bio = lines.get(writtenBy() + 1);
        if (!bio.endsWith(READ_MORE)) {
            throw new IllegalStateException("the seed's bio no longer ends with" + READ_MORE);
        }
        return bio.substring(0, bio.length() - READ_MORE.length());
    }

    List<String> lastTwoLines() {
        return lines.subList(lines.size() - 2, lines.size());
    }

    private int writtenBy() {
        return lines.indexOf("Written by نور الدين");
    }
}
