package org.minbar.related;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopScoreDocCollectorManager;

/**
 * Ranks the articles most like a given one: MoreLikeThis over title (weighted double) and text,
 * then shared categories and tags add to the text score, and the score is scaled down with the
 * distance in time between the two stories, so last week's story beats a near-identical one from
 * three years ago. Never the article itself; among the results, a near-duplicate of one already
 * chosen is skipped.
 */
public final class RelatedFinder {

    static final int CANDIDATES = 40;
    static final double CATEGORY_BONUS = 0.10;
    static final double TAG_BONUS = 0.20;
    static final double NEAR_DUPLICATE = 0.7;
    /**
     * How much of an article's text its similarity query is drawn from, in tokens: news leads with
     * what a story is about, and every distinct word read costs a dictionary lookup in each index
     * segment, which was most of the cost of a long article's query.
     */
    static final int TOKENS_READ = 400;
    private static final double DAYS_PER_YEAR = 365.25;

    private final ArticleIndex index;

    public RelatedFinder(ArticleIndex index) {
        this.index = index;
    }

    /** Up to {@code limit} articles like this one, best first. */
    public List<ScoredArticle> relatedTo(IndexedArticle article, int limit) {
        return index.search(searcher -> rank(searcher, article, limit));
    }

    private List<ScoredArticle> rank(IndexSearcher searcher, IndexedArticle article, int limit) throws IOException {
        Query query = query(searcher, article);
        if (query == null) {
            return List.of();
        }
        // Counting hits exactly only as far as the candidates lets the scorer skip documents that
        // cannot reach them (the top hits are the same).
        ScoreDoc[] hits = searcher.search(query, new TopScoreDocCollectorManager(CANDIDATES, CANDIDATES)).scoreDocs;
        if (hits.length == 0) {
            return List.of();
        }
        double best = hits[0].score;
        Set<String> categories = new HashSet<>(article.categories());
        Set<String> tags = new HashSet<>(article.tags());
        List<Candidate> candidates = new ArrayList<>();
        for (ScoreDoc hit : hits) {
            RankingFacts facts = RankingFacts.of(searcher.getIndexReader(), hit.doc);
            if (facts.id() == article.id()) {
                continue;
            }
            double score = hit.score / best
                    + CATEGORY_BONUS * shared(facts.categories(), categories)
                    + TAG_BONUS * shared(facts.tags(), tags);
            double years = Math.abs(Duration.ofMillis(facts.published() - article.published().toEpochMilli()).toHours())
                    / 24.0 / DAYS_PER_YEAR;
            candidates.add(new Candidate(facts.id(), hit.doc, score / (1 + years)));
        }
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed());
        List<Candidate> chosen = new ArrayList<>();
        List<Set<String>> chosenTitles = new ArrayList<>();
        for (Candidate candidate : candidates) {
            if (chosen.size() == limit) {
                break;
            }
            // Read only for the candidates reached: usually the first few.
            Set<String> title = RankingFacts.titleTerms(searcher.getIndexReader(), candidate.doc());
            if (chosenTitles.stream().noneMatch(other -> jaccard(other, title) >= NEAR_DUPLICATE)) {
                chosen.add(candidate);
                chosenTitles.add(title);
            }
        }
        return chosen.stream().map(c -> new ScoredArticle(c.id(), c.score())).toList();
    }

    private record Candidate(long id, int doc, double score) {}

    /** Text like the article's, in title or body; null when the article has no usable terms. */
    private Query query(IndexSearcher searcher, IndexedArticle article) throws IOException {
        MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
        mlt.setAnalyzer(index.analyzer());
        mlt.setMinTermFreq(1);
        mlt.setMinDocFreq(1);
        mlt.setMinWordLen(2);
        mlt.setMaxQueryTerms(30);
        mlt.setBoost(true);
        mlt.setFieldNames(new String[] {ArticleIndex.TITLE});
        Query title = mlt.like(ArticleIndex.TITLE, new StringReader(article.title()));
        mlt.setFieldNames(new String[] {ArticleIndex.TEXT});
        mlt.setMaxNumTokensParsed(TOKENS_READ);
        Query text = mlt.like(ArticleIndex.TEXT, new StringReader(article.title() + "\n" + article.text()));
        BooleanQuery.Builder similar = new BooleanQuery.Builder()
                .add(new BoostQuery(title, 2f), BooleanClause.Occur.SHOULD)
                .add(text, BooleanClause.Occur.SHOULD);
        BooleanQuery built = similar.build();
        if (isEmpty(title) && isEmpty(text)) {
            return null;
        }
        return new BooleanQuery.Builder()
                .add(built, BooleanClause.Occur.MUST)
                .add(new TermQuery(new Term(ArticleIndex.ID, Long.toString(article.id()))), BooleanClause.Occur.MUST_NOT)
                .build();
    }

    private static boolean isEmpty(Query query) {
        return query instanceof BooleanQuery boolean_ && boolean_.clauses().isEmpty();
    }

    private static int shared(Set<String> values, Set<String> mine) {
        int count = 0;
        for (String value : values) {
            if (mine.contains(value)) {
                count++;
            }
        }
        return count;
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        int common = 0;
        for (String term : a) {
            if (b.contains(term)) {
                common++;
            }
        }
        return (double) common / union.size();
    }
}
