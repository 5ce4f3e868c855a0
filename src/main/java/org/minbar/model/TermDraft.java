package org.minbar.model;

import java.util.Optional;

/** A category or tag as submitted: its name, and its slug when the source has one (WordPress's). */
public record TermDraft(String name, Optional<String> slug) {

    public static TermDraft named(String name) {
        return new TermDraft(name, Optional.empty());
    }
}
