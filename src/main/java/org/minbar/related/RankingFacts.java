package org.minbar.related;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedSetDocValues;

/**
 * What ranking needs to know of a candidate (its id, publication time, categories and tags; its
 * analyzed title terms apart, as only the best few candidates need them), read from doc values:
 * reading stored fields, even a few, decompresses whole blocks of the stored article text, which
 * was most of the cost of finding related stories.
 */
record RankingFacts(long id, long published, Set<String> categories, Set<String> tags) {

    /** The facts of the document with this searcher-wide number. */
    static RankingFacts of(IndexReader reader, int doc) throws IOException {
        LeafReaderContext leaf = leafOf(reader, doc);
        LeafReader segment = leaf.reader();
        int local = doc - leaf.docBase;
        return new RankingFacts(
                number(segment, ArticleIndex.RANK_ID, local),
                number(segment, ArticleIndex.PUBLISHED, local),
                strings(segment, ArticleIndex.RANK_CATEGORY, local),
                strings(segment, ArticleIndex.RANK_TAG, local));
    }

    /** The distinct analyzed terms of the document's title: for telling near-duplicates apart. */
    static Set<String> titleTerms(IndexReader reader, int doc) throws IOException {
        LeafReaderContext leaf = leafOf(reader, doc);
        return strings(leaf.reader(), ArticleIndex.RANK_TITLE_TERMS, doc - leaf.docBase);
    }

    private static LeafReaderContext leafOf(IndexReader reader, int doc) {
        List<LeafReaderContext> leaves = reader.leaves();
        return leaves.get(ReaderUtil.subIndex(doc, leaves));
    }

    private static long number(LeafReader segment, String field, int doc) throws IOException {
        NumericDocValues values = DocValues.getNumeric(segment, field);
        if (!values.advanceExact(doc)) {
            throw new IllegalStateException("indexed document " + doc + " has no " + field + ": the index must be rebuilt");
        }
        return values.longValue();
    }

    private static Set<String> strings(LeafReader segment, String field, int doc) throws IOException {
        SortedSetDocValues values = DocValues.getSortedSet(segment, field);
        Set<String> strings = new HashSet<>();
        if (values.advanceExact(doc)) {
            for (int i = 0; i < values.docValueCount(); i++) {
                strings.add(values.lookupOrd(values.nextOrd()).utf8ToString());
            }
        }
        return strings;
    }
}
