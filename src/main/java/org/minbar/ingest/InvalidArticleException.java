package org.minbar.ingest;

import java.util.List;
import org.minbar.model.Problem;
import java.util.stream.Collectors;

/** A submission cannot become an article; every problem found is listed. The publisher's fault. */
public final class InvalidArticleException extends Exception {

    private final List<Problem> problems;

    public InvalidArticleException(List<Problem> problems) {
        super(problems.stream().map(p -> p.field() + " " + p.message()).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public InvalidArticleException(String field, String message) {
        this(List.of(new Problem(field, message)));
    }

    public List<Problem> problems() {
        return problems;
    }
}
