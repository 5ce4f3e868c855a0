package org.minbar.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import org.minbar.service.BackupService;

/** {@code POST /api/backup}: answers with a consistent copy of the store, an SQLite file, made while publishing goes on. */
final class BackupHandler {

    private final BackupService backups;

    BackupHandler(BackupService backups) {
        this.backups = backups;
    }

    void handle(HttpServerExchange exchange) {
        backups.backUp((file, bytes, name) -> {
            exchange.setStatusCode(200);
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/vnd.sqlite3");
            exchange.getResponseHeaders().put(Headers.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"");
            exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
            exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, bytes);
            if (!exchange.isBlocking()) {
                exchange.startBlocking();
            }
            try (InputStream in = Files.newInputStream(file); OutputStream out = exchange.getOutputStream()) {
                in.transferTo(out);
            }
        });
    }
}
