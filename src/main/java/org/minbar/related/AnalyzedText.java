package org.minbar.related;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * A text as the analyzer reads it, read once: an article's title and text are indexed as fields,
 * made into story features and (the title) into ranking terms, and the lexicon's analysis is the
 * dearest part of indexing, so each is analyzed once and its tokens replayed.
 */
final class AnalyzedText {

    /** An analyzed word: its term, where it was read from, and the positions it moved on (more than 1 past a stop word). */
    record Token(String term, int start, int end, int positionIncrement) {}

    private final String text;
    private final List<Token> tokens;
    private final int endOffset;

    private AnalyzedText(String text, List<Token> tokens, int endOffset) {
        this.text = text;
        this.tokens = Collections.unmodifiableList(tokens);
        this.endOffset = endOffset;
    }

    static AnalyzedText of(Analyzer analyzer, String field, String text) {
        String source = text == null ? "" : text;
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, source)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(new Token(term.toString(), offset.startOffset(), offset.endOffset(), increment.getPositionIncrement()));
            }
            stream.end();
            return new AnalyzedText(source, tokens, offset.endOffset());
        } catch (IOException e) {
            throw new UncheckedIOException("analyzing text in memory cannot fail", e);
        }
    }

    String text() {
        return text;
    }

    List<Token> tokens() {
        return tokens;
    }

    /** The words a token was read from. */
    String surface(Token token) {
        return text.substring(token.start(), token.end());
    }

    /** The distinct terms, in order. */
    Set<String> terms() {
        Set<String> terms = new LinkedHashSet<>();
        tokens.forEach(token -> terms.add(token.term()));
        return terms;
    }

    /** The tokens again, for indexing a field as the analyzer would have. */
    TokenStream tokenStream() {
        return new Replay();
    }

    private final class Replay extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private Iterator<Token> next;

        @Override
        public void reset() throws IOException {
            super.reset();
            next = tokens.iterator();
        }

        @Override
        public boolean incrementToken() {
            clearAttributes();
            if (next == null || !next.hasNext()) {
                return false;
            }
            Token token = next.next();
            term.setEmpty().append(token.term());
            offset.setOffset(token.start(), token.end());
            increment.setPositionIncrement(token.positionIncrement());
            return true;
        }

        @Override
        public void end() throws IOException {
            super.end();
            offset.setOffset(endOffset, endOffset);
        }
    }
}
