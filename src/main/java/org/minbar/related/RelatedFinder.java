package org.minbar.related;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.TermVectors;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.Weight;

/**
 * Ranks the articles that report the same story as a given one. The article's story features
 * (words, phrases, numbers; title and lead weighted, see StoryFeatures) make one query, each
 * feature weighted by how often the article uses it and by its kind; Lucene's BM25 adds the
 * rarity of each feature in the index and each candidate's own frequencies and length. The
 * features of the two best matches are then added at a share of their weight and the query run
 * again (pseudo-relevance feedback): what the reports of one story share outweighs one outlet's
 * wording. The similarity is the score over the article's score against itself, so 1 is the
 * article's own text and scores of different articles compare. Part of it fades with the days
 * between the two stories (reports of one event come within days; other events in the same place,
 * a week or more apart). Shared tags and categories can add a bonus, which the shipped weights
 * leave at 0 as it made lists worse. Never the article itself; a near-duplicate of one already
 * chosen is skipped. Each choice comes with its reason. RankingWeights holds the measured weights.
 */
public final class RelatedFinder {

    static final int CANDIDATES = 50;
    /** The article's most telling features that make its query: rarer and more used first. */
    static final int QUERY_FEATURES = 80;
    static final double NEAR_DUPLICATE = 0.7;
    static final int MATCHES_SHOWN = 8;
    private static final double MILLIS_PER_DAY = Duration.ofDays(1).toMillis();

    private final ArticleIndex index;
    private final RankingWeights weights;
    private final FeatureStatistics statistics = new FeatureStatistics();

    public RelatedFinder(ArticleIndex index) {
        this(index, RankingWeights.DEFAULT);
    }

    public RelatedFinder(ArticleIndex index, RankingWeights weights) {
        this.index = index;
        this.weights = weights;
    }

    /** Up to {@code limit} articles like this one, best first, each with its reason. */
    public List<ScoredArticle> relatedTo(IndexedArticle article, int limit) {
        return relatedTo(article, limit, limit);
    }

    /**
     * Up to {@code limit} articles like this one, best first; only the first {@code explained} with
     * their reason (the others' is null): working out each feature's part costs a scorer per feature.
     */
    public List<ScoredArticle> relatedTo(IndexedArticle article, int limit, int explained) {
        return index.search(searcher -> rank(searcher, article, limit, explained));
    }

    private List<ScoredArticle> rank(IndexSearcher searcher, IndexedArticle article, int limit, int explained) throws IOException {
        Map<String, StoryFeatures.Feature> features = index.features(article);
        // Once the article is indexed, a feature in one document is in the article alone: it can match nothing else.
        int alone = searcher.getIndexReader().docFreq(new Term(ArticleIndex.ID, Long.toString(article.id()))) > 0 ? 1 : 0;
        Map<String, TermStates> found = new HashMap<>();
        List<Clause> clauses = clauses(searcher, queryWeights(features, 1, true), alone, found, 0);
        if (clauses.isEmpty()) {
            return List.of();
        }
        Ranking ranking = candidates(searcher, article, clauses);
        if (weights.feedback() > 0 && weights.feedbackReports() > 0 && !ranking.candidates().isEmpty()) {
            // Feedback only adds weight: a feature that cannot beat the weakest clause kept is not looked up.
            double weakest = clauses.size() == QUERY_FEATURES ? clauses.get(clauses.size() - 1).priority() : 0;
            clauses = clauses(searcher, withFeedback(searcher, features, ranking.candidates()), alone, found, weakest);
            ranking = candidates(searcher, article, clauses);
        }
        List<ScoredArticle> chosen = new ArrayList<>();
        List<Set<String>> chosenTitles = new ArrayList<>();
        List<Weight> parts = null;
        for (Candidate candidate : ranking.candidates()) {
            if (chosen.size() == limit) {
                break;
            }
            // Read only for the candidates reached: usually the first few.
            Set<String> title = RankingFacts.titleTerms(searcher.getIndexReader(), candidate.doc());
            if (chosenTitles.stream().noneMatch(other -> jaccard(other, title) >= NEAR_DUPLICATE)) {
                RelatedReason reason = null;
                if (chosen.size() < explained) {
                    if (parts == null) {
                        parts = partWeights(searcher, clauses);
                    }
                    reason = reason(searcher, clauses, parts, candidate, ranking.own());
                }
                chosen.add(new ScoredArticle(candidate.id(), candidate.score(), reason));
                chosenTitles.add(title);
            }
        }
        return chosen;
    }

    /** The candidates for the query, best first, and the article's own score for it. */
    private record Ranking(List<Candidate> candidates, double own) {}

    private Ranking candidates(IndexSearcher searcher, IndexedArticle article, List<Clause> clauses) throws IOException {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        clauses.forEach(clause -> builder.add(clause.query(), BooleanClause.Occur.SHOULD));
        ScoreDoc[] hits = searcher.search(builder.build(), new TopScoreDocCollectorManager(CANDIDATES + 1, CANDIDATES + 1)).scoreDocs;
        double own = 0;
        List<RankingFacts> facts = new ArrayList<>(hits.length);
        for (ScoreDoc hit : hits) {
            RankingFacts fact = RankingFacts.of(searcher.getIndexReader(), hit.doc);
            facts.add(fact);
            if (fact.id() == article.id()) {
                own = hit.score;
            }
        }
        if (own == 0 && hits.length > 0) {
            own = hits[0].score; // not indexed yet: the best match stands for it
        }
        Set<String> categories = new HashSet<>(article.categories());
        Set<String> tags = new HashSet<>(article.tags());
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < hits.length; i++) {
            RankingFacts fact = facts.get(i);
            if (fact.id() == article.id()) {
                continue;
            }
            double similarity = hits[i].score / own;
            double days = (fact.published() - article.published().toEpochMilli()) / MILLIS_PER_DAY;
            List<String> sharedTags = shared(fact.tags(), tags);
            List<String> sharedCategories = shared(fact.categories(), categories);
            double bonus = weights.tagBonus() * sharedTags.size() + weights.categoryBonus() * sharedCategories.size();
            double score = similarity * weights.timeFactor(days) + bonus;
            candidates.add(new Candidate(fact.id(), hits[i].doc, score, similarity, days, bonus, sharedTags, sharedCategories));
        }
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed());
        return new Ranking(candidates, own);
    }

    /** Each feature's query weight: more uses count less than in proportion, and by kind. */
    private Map<String, WeightedFeature> queryWeights(Map<String, StoryFeatures.Feature> features, double share, boolean inArticle) {
        Map<String, WeightedFeature> weighted = new java.util.LinkedHashMap<>();
        for (StoryFeatures.Feature feature : features.values()) {
            double boost = share * (1 + Math.log(feature.weight())) * weights.boost(feature.kind());
            if (boost > 0) {
                weighted.put(feature.key(), new WeightedFeature(feature, boost, inArticle));
            }
        }
        return weighted;
    }

    /**
     * The article's features with those of its best few matches added at a share of their weight
     * (pseudo-relevance feedback): the words the reports of one story have in common stand out,
     * and one report's wording counts less.
     */
    private Map<String, WeightedFeature> withFeedback(IndexSearcher searcher, Map<String, StoryFeatures.Feature> features,
                                                      List<Candidate> ranked) throws IOException {
        Map<String, WeightedFeature> weighted = queryWeights(features, 1, true);
        int reports = Math.min(weights.feedbackReports(), ranked.size());
        TermVectors vectors = searcher.getIndexReader().termVectors();
        for (int i = 0; i < reports; i++) {
            Map<String, StoryFeatures.Feature> theirs = StoryFeatures.indexed(vectors.get(ranked.get(i).doc(), ArticleIndex.STORY));
            queryWeights(theirs, weights.feedback() / reports, false).forEach((key, feature) -> weighted.merge(key, feature,
                    (mine, added) -> new WeightedFeature(mine.feature(), mine.boost() + added.boost(), mine.inArticle())));
        }
        return weighted;
    }

    /** One feature of the article's query, with its query weight. */
    private record Clause(StoryFeatures.Feature feature, Query query, double priority, boolean inArticle) {}

    private record Candidate(long id, int doc, double score, double similarity, double days, double bonus,
                             List<String> sharedTags, List<String> sharedCategories) {}

    /** A feature with its query weight; {@code inArticle} false for one that only the best matches have. */
    private record WeightedFeature(StoryFeatures.Feature feature, double boost, boolean inArticle) {}

    /**
     * The most telling features as weighted term queries: rarer and weightier first; empty when none
     * is in another document. {@code found} keeps where the features looked up are in the index, for
     * the next query; a feature not yet looked up is left out unless its weight at the greatest
     * rarity possible reaches {@code weakest}.
     */
    private List<Clause> clauses(IndexSearcher searcher, Map<String, WeightedFeature> features, int alone,
                                 Map<String, TermStates> found, double weakest) throws IOException {
        int documents = Math.max(1, searcher.getIndexReader().numDocs());
        double rarest = rarity(documents, alone + 1);
        List<String> unknown = features.values().stream()
                .filter(weighted -> !found.containsKey(weighted.feature().key()) && weighted.boost() * rarest >= weakest)
                .map(weighted -> weighted.feature().key()).toList();
        Map<String, TermStates> looked = statistics.of(searcher.getTopReaderContext(), unknown);
        unknown.forEach(key -> found.put(key, looked.get(key))); // null: in no document
        List<Clause> clauses = new ArrayList<>();
        for (WeightedFeature weighted : features.values()) {
            TermStates states = found.get(weighted.feature().key());
            if (states == null || states.docFreq() <= alone) {
                continue; // in no other document: matches nothing (or, not looked up, could not count)
            }
            int frequency = states.docFreq();
            double rarity = rarity(documents, frequency);
            Query query = new TermQuery(new Term(ArticleIndex.STORY, weighted.feature().key()), states);
            clauses.add(new Clause(weighted.feature(), new BoostQuery(query, (float) weighted.boost()),
                    weighted.boost() * rarity, weighted.inArticle()));
        }
        clauses.sort(Comparator.comparingDouble(Clause::priority).reversed());
        return clauses.subList(0, Math.min(QUERY_FEATURES, clauses.size()));
    }

    /** BM25's inverse document frequency. */
    private static double rarity(int documents, int frequency) {
        return Math.log(1 + (documents - frequency + 0.5) / (frequency + 0.5));
    }

    /** Each clause alone, for scoring its part of a candidate's similarity. */
    private static List<Weight> partWeights(IndexSearcher searcher, List<Clause> clauses) throws IOException {
        List<Weight> parts = new ArrayList<>(clauses.size());
        for (Clause clause : clauses) {
            parts.add(searcher.createWeight(searcher.rewrite(clause.query()), ScoreMode.COMPLETE, 1f));
        }
        return parts;
    }

    /** The parts of a chosen candidate's similarity: each shared feature's score, by kind. */
    private RelatedReason reason(IndexSearcher searcher, List<Clause> clauses, List<Weight> parts, Candidate candidate, double own)
            throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(candidate.doc(), leaves));
        int local = candidate.doc() - leaf.docBase;
        double words = 0;
        double phrases = 0;
        double numbers = 0;
        List<RelatedReason.Match> matches = new ArrayList<>();
        for (int i = 0; i < clauses.size(); i++) {
            Clause clause = clauses.get(i);
            Scorer scorer = parts.get(i).scorer(leaf);
            if (scorer == null || scorer.iterator().advance(local) != local) {
                continue;
            }
            double part = scorer.score() / own;
            switch (clause.feature().kind()) {
                case WORD -> words += part;
                case PHRASE -> phrases += part;
                case NUMBER -> numbers += part;
            }
            matches.add(new RelatedReason.Match(clause.feature().kind().name().toLowerCase(java.util.Locale.ROOT),
                    clause.feature().surface(), round(part), clause.inArticle()));
        }
        matches.sort(Comparator.comparingDouble(RelatedReason.Match::weight).reversed());
        return new RelatedReason(round(candidate.score()), round(candidate.similarity()), round(words), round(phrases),
                round(numbers), round(candidate.days()), round(weights.timeFactor(candidate.days())), round(candidate.bonus()),
                matches.subList(0, Math.min(MATCHES_SHOWN, matches.size())), candidate.sharedTags(), candidate.sharedCategories());
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static List<String> shared(Set<String> values, Set<String> mine) {
        return values.stream().filter(mine::contains).sorted().toList();
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
