package org.minbar.ingest;

import java.util.Optional;

/** Picks a field's value from a page's sources in order of trust, letting a source that breaks a rule give way to the next. */
final class PageChoice {

    /** How a DraftValidator check turns raw text into a value. */
    interface Rule<T> {
        Optional<T> apply(DraftValidator check, String field, String raw);
    }

    private PageChoice() {}

    /**
     * The first candidate, in order of trust, that passes the rule. When none does, the most trusted
     * is checked for real, so the page's problem is reported as the JSON path would report it.
     */
    static <T> Optional<T> firstValid(DraftValidator check, String field, Rule<T> rule, String... candidates) {
        String mostTrusted = null;
        for (String candidate : candidates) {
            if (candidate == null || candidate.isBlank()) {
                continue;
            }
            mostTrusted = mostTrusted == null ? candidate : mostTrusted;
            DraftValidator trial = new DraftValidator();
            Optional<T> value = rule.apply(trial, field, candidate);
            if (value.isPresent() && passes(trial)) {
                return value;
            }
        }
        return mostTrusted == null ? Optional.empty() : rule.apply(check, field, mostTrusted);
    }

    private static boolean passes(DraftValidator trial) {
        try {
            trial.throwIfAny();
            return true;
        } catch (InvalidArticleException e) {
            return false;
        }
    }
}
