package org.minbar.service;

import java.util.Optional;

/**
 * This process among the nodes sharing a store. Alone (the SQLite file), it is the only follower
 * of the change log. Beside other nodes (a shared PostgreSQL database) each node keeps its own
 * search index and rendered feeds, and so follows the log under its own name: "derived@name"
 * for what it derived, "purged@name" for what it purged.
 */
public record Node(Optional<String> name) {

    public Node {
        name.ifPresent(n -> {
            if (!n.matches("[A-Za-z0-9._-]{1,64}")) {
                throw new IllegalArgumentException("a node's name is 1 to 64 letters, digits, '.', '_' or '-': " + n);
            }
        });
    }

    public static Node alone() {
        return new Node(Optional.empty());
    }

    public static Node named(String name) {
        return new Node(Optional.of(name));
    }

    /** Whether other nodes share the store. */
    public boolean isShared() {
        return name.isPresent();
    }

    /** This node's name for a follower of the change log. */
    String follower(String base) {
        return name.map(n -> base + "@" + n).orElse(base);
    }
}
