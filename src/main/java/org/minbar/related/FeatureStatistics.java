package org.minbar.related;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.IndexReaderContext;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * Where an article's features are in the index, looked up once: one term dictionary walk per
 * segment, the features in sorted order (neighbouring terms share the blocks read), instead of
 * one fresh seek per feature and segment for its rarity and again for its query. The states found
 * serve both, so a feature query reads no dictionary. Features no document has are absent.
 */
final class FeatureStatistics {

    private FeatureStatistics() {}

    static Map<String, TermStates> of(IndexReaderContext top, Collection<String> keys) throws IOException {
        Map<BytesRef, String> sorted = new TreeMap<>();
        keys.forEach(key -> sorted.put(new BytesRef(key), key));
        Map<String, TermStates> states = new HashMap<>();
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
