package org.minbar.related;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.lucene.index.IndexReaderContext;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * Where features are in the index, looked up once: one term dictionary walk per segment, the
 * features in sorted order (neighbouring terms share the blocks read), instead of one fresh seek
 * per feature and segment for its rarity and again for its query. The states found serve both, so
 * a feature query reads no dictionary. Looking features up is most of a similarity query's cost,
 * and the lists computed with one searcher (a burst's batch, the stale lists after it) share
 * many features: what was found is remembered, the most recently used first, until the searcher
 * changes.
 */
final class FeatureStatistics {

    /** The most features remembered (some hundreds of bytes each: a state per segment that has the feature). */
    static final int MOST_REMEMBERED = 20_000;

    private IndexReaderContext searched;
    private final Map<String, Optional<TermStates>> remembered = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Optional<TermStates>> eldest) {
            return size() > MOST_REMEMBERED;
        }
    };

    /** The features some document has, with where each is; the others are absent. */
    synchronized Map<String, TermStates> of(IndexReaderContext top, Collection<String> keys) throws IOException {
        if (top != searched) {
            remembered.clear(); // another searcher: other segments, other counts
            searched = top;
        }
        Map<String, TermStates> states = new HashMap<>();
        Map<BytesRef, String> unknown = new TreeMap<>();
        for (String key : keys) {
            Optional<TermStates> known = remembered.get(key);
            if (known == null) {
                unknown.put(new BytesRef(key), key);
            } else {
                known.ifPresent(found -> states.put(key, found));
            }
        }
        Map<String, TermStates> found = lookUp(top, unknown);
        unknown.values().forEach(key -> remembered.put(key, Optional.ofNullable(found.get(key))));
        states.putAll(found);
        return states;
    }

    private static Map<String, TermStates> lookUp(IndexReaderContext top, Map<BytesRef, String> sorted) throws IOException {
        Map<String, TermStates> states = new HashMap<>();
        if (sorted.isEmpty()) {
            return states;
        }
        for (LeafReaderContext leaf : top.leaves()) {
            Terms terms = leaf.reader().terms(ArticleIndex.STORY);
            if (terms == null) {
                continue;
            }
            TermsEnum walk = terms.iterator();
            for (Map.Entry<BytesRef, String> entry : sorted.entrySet()) {
                if (walk.seekExact(entry.getKey())) {
                    states.computeIfAbsent(entry.getValue(), key -> new TermStates(top))
                            .register(walk.termState(), leaf.ord, walk.docFreq(), walk.totalTermFreq());
                }
            }
        }
        return states;
    }
}
