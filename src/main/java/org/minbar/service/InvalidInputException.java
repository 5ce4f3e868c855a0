package org.minbar.service;

import java.util.List;
import org.minbar.model.Problem;

/** The publisher's submission is wrong; every problem is listed with the field it concerns. */
public final class InvalidInputException extends RuntimeException {

    private final List<Problem> problems;

    public InvalidInputException(String message, List<Problem> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
