package org.minbar.related;

import java.util.Iterator;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TermFrequencyAttribute;

/**
 * An article's story features as the terms of one index field, each once with its weight as its
 * term frequency, so Lucene's BM25 weighs them: rare features count more, repeated ones less than
 * in proportion, and a long article's matches less than a short one's.
 */
final class FeatureTokens extends TokenStream {

    private final List<StoryFeatures.Feature> features;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final TermFrequencyAttribute frequency = addAttribute(TermFrequencyAttribute.class);
    private Iterator<StoryFeatures.Feature> next;

    FeatureTokens(List<StoryFeatures.Feature> features) {
        this.features = List.copyOf(features);
    }

    @Override
    public void reset() {
        next = features.iterator();
    }

    @Override
    public boolean incrementToken() {
        clearAttributes();
        if (next == null || !next.hasNext()) {
            return false;
        }
        StoryFeatures.Feature feature = next.next();
        term.setEmpty().append(feature.key());
        frequency.setTermFrequency(feature.weight());
        return true;
    }
}
