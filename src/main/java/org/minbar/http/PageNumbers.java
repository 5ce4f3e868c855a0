package org.minbar.http;

import io.undertow.server.HttpServerExchange;
import java.util.Deque;

/** A page number from the query string (?paged=N for feeds, ?page=N for the AtomPub collection). */
final class PageNumbers {

    private PageNumbers() {}

    /** The page asked for: 1 when the parameter is absent; a 400 unless it is a whole number from 1. */
    static int of(HttpServerExchange exchange, String parameter) {
        Deque<String> values = exchange.getQueryParameters().get(parameter);
        if (values == null || values.isEmpty()) {
            return 1;
        }
        try {
            int page = Integer.parseInt(values.getFirst().strip());
            if (page >= 1) {
                return page;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        String shown = values.getFirst().length() <= 20 ? values.getFirst() : values.getFirst().substring(0, 20) + "…";
        throw new HttpError(400, parameter + " must be a whole number from 1 (got '" + shown + "')");
    }
}
