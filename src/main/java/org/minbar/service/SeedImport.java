package org.minbar.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.minbar.model.Submission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports the seeds folder through the normal publishing path when the store is empty, so a
 * first start serves real feeds. Never runs against a store that has articles, and re-posting
 * the same guid updates rather than duplicates, so restarts do not duplicate.
 */
public final class SeedImport {

    private static final Logger LOG = LoggerFactory.getLogger(SeedImport.class);

    /** How an import went. */
    public record Result(int imported, List<String> failures) {}

    private final ArticleService articles;

    public SeedImport(ArticleService articles) {
        this.articles = articles;
    }

    public Result importIfEmpty(Path folder) {
        if (!Files.isDirectory(folder) || !articles.isEmpty()) {
            return new Result(0, List.of());
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list the seeds folder " + folder + ": " + e.getMessage(), e);
        }
        int imported = 0;
        List<String> failures = new java.util.ArrayList<>();
        for (Path file : files) {
            try {
                articles.submit(new Submission("application/json", Files.readAllBytes(file)));
                imported++;
            } catch (IOException | RuntimeException e) {
                failures.add(file.getFileName() + ": " + e.getMessage());
                LOG.error("seed {} was not imported: {}", file, e.getMessage());
            }
        }
        LOG.info("imported {} seed articles from {}", imported, folder);
        return new Result(imported, failures);
    }
}
