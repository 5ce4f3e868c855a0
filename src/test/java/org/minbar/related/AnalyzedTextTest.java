package org.minbar.related;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.PhraseQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

// An article's text is analyzed once and its tokens replayed for every use: the replay must be what the analyzer gives.
class AnalyzedTextTest {

    private static final String TEXT = "قال وزير الصحة إن ٣٧ شخصاً قُتلوا في قصف على مستشفى الرحمة، وارتفعت الخسائر إلى ٢٫٨ مليون دولار.";

    /** Each token as term, offsets and position increment, as the stream gives them, and the final offset. */
    private static List<String> read(TokenStream stream) throws IOException {
        List<String> tokens = new ArrayList<>();
        CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
        OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
        PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
        stream.reset();
        while (stream.incrementToken()) {
            tokens.add(term + "@" + offset.startOffset() + "-" + offset.endOffset() + "+" + increment.getPositionIncrement());
        }
        stream.end();
        tokens.add("end@" + offset.endOffset());
        stream.close();
        return tokens;
    }

    @Test
    void replayedTokensAreTheAnalyzersOwnWithPositionsAndOffsets() throws IOException {
        Analyzer analyzer = new NewsAnalyzer(true);
        List<String> direct = read(analyzer.tokenStream(ArticleIndex.TEXT, TEXT));
        AnalyzedText analyzed = AnalyzedText.of(analyzer, ArticleIndex.TEXT, TEXT);
        assertEquals(direct, read(analyzed.tokenStream()));
        assertEquals(direct, read(analyzed.tokenStream()), "a replay can be read again");
        assertTrue(direct.stream().anyMatch(token -> token.endsWith("+2")), "a stop word leaves a gap in positions: " + direct);
    }

    @Test
    void storyFeaturesFromTheAnalysisAreThoseOfTheText() {
        Analyzer analyzer = new NewsAnalyzer(true);
        String title = "قصف مستشفى الرحمة";
        Map<String, StoryFeatures.Feature> once = StoryFeatures.of(AnalyzedText.of(analyzer, ArticleIndex.TITLE, title),
                AnalyzedText.of(analyzer, ArticleIndex.TEXT, TEXT));
        assertEquals(StoryFeatures.of(analyzer, title, TEXT), once);
        StoryFeatures.Feature number = once.get("n:2.8");
        assertEquals("٢٫٨", number.surface(), "a feature keeps the words it was read from");
    }

    @Test
    void anIndexedArticlesTextAnswersPhraseSearchesAsBefore(@TempDir Path folder) throws IOException {
        try (ArticleIndex index = ArticleIndex.open(folder.resolve("index"))) {
            index.put(new IndexedArticle(1, "قصف مستشفى الرحمة", TEXT, List.of(), List.of(), List.of(), List.of(), Instant.EPOCH));
            index.commit(1);
            List<String> terms = new ArrayList<>(AnalyzedText.of(index.analyzer(), ArticleIndex.TEXT, "مستشفى الرحمة").terms());
            PhraseQuery phrase = new PhraseQuery(ArticleIndex.TEXT, terms.get(0), terms.get(1));
            assertEquals(1, (int) index.<Integer>search(searcher -> searcher.count(phrase)), "positions are indexed from the replay");
            PhraseQuery apart = new PhraseQuery(ArticleIndex.TEXT, terms.get(1), terms.get(0));
            assertEquals(0, (int) index.<Integer>search(searcher -> searcher.count(apart)));
            assertEquals(1, (int) index.<Integer>search(searcher -> searcher.count(
                    new org.apache.lucene.search.TermQuery(new Term(ArticleIndex.TITLE, terms.get(0))))), "the title is indexed too");
        }
    }
}
