package org.minbar.http;

import java.util.Set;

/**
 * The addresses programs use rather than people or feed readers: the publishing API, AtomPub, the
 * WebSub hub, health checks and metrics. Their errors are JSON ({@link ErrorHandler}), and they
 * are served as written, never redirected to a trailing slash ({@link TrailingSlash}).
 */
final class ProgramAddresses {

    private static final Set<String> PREFIXES = Set.of("/api/", "/atompub/");
    private static final Set<String> EXACT = Set.of("/websub", "/healthz", "/readyz", "/metrics");

    private ProgramAddresses() {}

    static boolean contains(String path) {
        return EXACT.contains(path) || PREFIXES.stream().anyMatch(path::startsWith);
    }
}
