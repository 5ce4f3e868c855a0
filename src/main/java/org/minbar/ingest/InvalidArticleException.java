package org.minbar.ingest;

import java.util.List;
import org.minbar.model.Problem;
import java.util.stream.Collectors;

/**
 * A submission cannot become an article; every problem found is listed. The publisher's fault:
 * either the document is malformed or breaks a rule, or ({@link #unprocessable}) it is a
 * well-formed page from which no article could be extracted.
 */
public final class InvalidArticleException extends Exception {

    private final List<Problem> problems;
    private final boolean unprocessable;

    public InvalidArticleException(List<Problem> problems) {
        this(problems, false);
    }

    private InvalidArticleException(List<Problem> problems, boolean unprocessable) {
        super(problems.stream().map(p -> p.field() + " " + p.message()).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
        this.unprocessable = unprocessable;
    }

    /** The document is well-formed but holds no article: no title or no body could be found (422). */
    public static InvalidArticleException nothingToExtract(List<Problem> problems) {
        return new InvalidArticleException(problems, true);
    }

    public boolean unprocessable() {
        return unprocessable;
    }

    public InvalidArticleException(String field, String message) {
        this(List.of(new Problem(field, message)));
    }

    public List<Problem> problems() {
        return problems;
    }
}
