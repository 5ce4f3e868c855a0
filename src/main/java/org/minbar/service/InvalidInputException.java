package org.minbar.service;

import java.util.List;
import org.minbar.model.Problem;

/** The publisher's submission is wrong; every problem is listed with the field it concerns. */
public final class InvalidInputException extends RuntimeException {

    private final List<Problem> problems;
    private final boolean unprocessable;

    public InvalidInputException(String message, List<Problem> problems, boolean unprocessable) {
        super(message);
        this.problems = List.copyOf(problems);
        this.unprocessable = unprocessable;
    }

    /** True when the document was well-formed but held no article (422 rather than 400). */
    public boolean unprocessable() {
        return unprocessable;
    }

    public List<Problem> problems() {
        return problems;
    }
}
