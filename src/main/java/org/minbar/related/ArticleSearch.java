package org.minbar.related;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Full-text search through the same Arabic analysis as the index, so "ادلب" finds "إدلب", "٤٠"
 * finds "40" and "الجيش" finds "جيش" and "للجيش". The query is analyzed into words, never parsed
 * as Lucene syntax, so no input can break it; every word must appear in the title, the text, a
 * category or tag name, or an author's name.
 * Matches are ranked by relevance scaled down with age, newest wins among equals.
 */
public final class ArticleSearch {

    static final int CANDIDATES = 200;
    /** How far down the ranking results can be paged: the candidates ranked. */
    public static final int RANKED = CANDIDATES;

    private final ArticleIndex index;

    public ArticleSearch(ArticleIndex index) {
        this.index = index;
    }

    /** The words a query comes to after analysis; empty when it holds nothing searchable (only stop words, punctuation). */
    public Set<String> words(String query) {
        return AnalyzedText.of(index.analyzer(), ArticleIndex.TEXT, query).terms();
    }

    /** The best {@code limit} matches, without counting the rest: what search feeds and the API show. */
    public List<SearchHit> search(String query, int limit, Instant now) {
        Optional<Query> built = query(query);
        return built.isEmpty() ? List.of() : index.search(searcher -> rank(searcher, built.get(), 0, limit, now));
    }

    /**
     * One page of the results: {@code limit} hits after the first {@code offset} of the ranking, and how
     * many articles match in all. Only the best {@value #CANDIDATES} by relevance are ranked, so pages
     * reach no further than {@link #RANKED}.
     */
    public Matches page(String query, int offset, int limit, Instant now) {
        Optional<Query> built = query(query);
        return built.isEmpty() ? new Matches(0, List.of())
                : index.search(searcher -> new Matches(searcher.count(built.get()), rank(searcher, built.get(), offset, limit, now)));
    }

    /** Every word of the query in the title, text, names or author; empty when it has no word to search for. */
    private Optional<Query> query(String query) {
        Set<String> words = words(query);
        if (words.isEmpty()) {
            return Optional.empty();
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (String word : words) {
            all.add(new BooleanQuery.Builder()
                    .add(new BoostQuery(new TermQuery(new Term(ArticleIndex.TITLE, word)), 2f), BooleanClause.Occur.SHOULD)
                    .add(new TermQuery(new Term(ArticleIndex.TEXT, word)), BooleanClause.Occur.SHOULD)
                    .add(new TermQuery(new Term(ArticleIndex.NAMES, word)), BooleanClause.Occur.SHOULD)
                    .add(new TermQuery(new Term(ArticleIndex.AUTHOR, word)), BooleanClause.Occur.SHOULD)
                    .build(), BooleanClause.Occur.MUST);
        }
        return Optional.of(all.build());
    }

    /** A page of search results and the number of articles that match. */
    public record Matches(int total, List<SearchHit> hits) {}

    private List<SearchHit> rank(IndexSearcher searcher, Query query, int offset, int limit, Instant now) throws IOException {
        ScoreDoc[] hits = searcher.search(query, CANDIDATES).scoreDocs;
        if (hits.length <= offset) {
            return List.of();
        }
        double best = hits[0].score;
        List<ScoreDoc> ranked = new ArrayList<>();
        for (ScoreDoc hit : hits) {
            Document document = searcher.storedFields().document(hit.doc);
            long published = document.getField(ArticleIndex.PUBLISHED).numericValue().longValue();
            double years = Math.max(0, Duration.ofMillis(now.toEpochMilli() - published).toHours()) / 24.0 / 365.25;
            ranked.add(new ScoreDoc(hit.doc, (float) (hit.score / best / (1 + years))));
        }
        ranked.sort(Comparator.comparingDouble((ScoreDoc d) -> d.score).reversed());
        List<ScoreDoc> top = ranked.subList(offset, Math.min(offset + limit, ranked.size()));
        int[] docs = top.stream().mapToInt(d -> d.doc).toArray();
        Map<String, String[]> highlights = UnifiedHighlighter.builder(searcher, index.analyzer())
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withMaxLength(20_000)
                .build()
                .highlightFields(new String[] {ArticleIndex.TITLE, ArticleIndex.TEXT}, query, docs, new int[] {1, 2});
        List<SearchHit> results = new ArrayList<>(top.size());
        for (int i = 0; i < top.size(); i++) {
            long id = Long.parseLong(searcher.storedFields().document(docs[i]).get(ArticleIndex.ID));
            results.add(new SearchHit(id, top.get(i).score, highlights.get(ArticleIndex.TITLE)[i], highlights.get(ArticleIndex.TEXT)[i]));
        }
        return results;
    }
}
