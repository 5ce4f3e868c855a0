package org.minbar.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports the seeds folder's JSON files through the {@link Importer}, so through the normal
 * publishing path, when the store is empty, so a first start serves real feeds. Never runs against
 * a store that has articles, and re-posting the same guid updates rather than duplicates, so
 * restarts do not duplicate.
 */
public final class SeedImport {

    private static final Logger LOG = LoggerFactory.getLogger(SeedImport.class);

    /** How an import went: articles stored (new or updated), and "file: reason" for each that was not. */
    public record Result(int imported, List<String> failures) {}

    private final ArticleService articles;

    public SeedImport(ArticleService articles) {
        this.articles = articles;
    }

    public Result importIfEmpty(Path folder) {
        if (!Files.isDirectory(folder) || !articles.isEmpty()) {
            return new Result(0, List.of());
        }
        ImportReport report = new Importer(articles, LOG::debug)
                .importFolder(folder, file -> file.getFileName().toString().endsWith(".json"));
        List<String> failures = report.failures().stream()
                .map(failure -> Path.of(failure.source()).getFileName() + ": " + failure.reason())
                .toList();
        failures.forEach(failure -> LOG.error("seed {} was not imported", failure));
        int imported = report.imported() + report.updated();
        LOG.info("imported {} seed articles from {}", imported, folder);
        return new Result(imported, failures);
    }
}
