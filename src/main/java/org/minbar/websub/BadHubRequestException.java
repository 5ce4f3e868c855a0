package org.minbar.websub;

/** A hub request parameter is missing or malformed; says which parameter and what is wrong with it. */
public final class BadHubRequestException extends Exception {

    private final String parameter;
    private final String problem;

    BadHubRequestException(String parameter, String problem) {
        super(parameter + " " + problem);
        this.parameter = parameter;
        this.problem = problem;
    }

    public String parameter() {
        return parameter;
    }

    public String problem() {
        return problem;
    }
}
