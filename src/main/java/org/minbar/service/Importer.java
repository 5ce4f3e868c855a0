package org.minbar.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.minbar.ingest.ArticleReaders;
import org.minbar.ingest.WxrException;
import org.minbar.ingest.WxrItem;
import org.minbar.ingest.WordPressId;
import org.minbar.ingest.WxrReader;
import org.minbar.model.ArticleDraft;
import org.minbar.model.Submission;

/**
 * Imports WordPress exports and folders of article files through the normal write path, so every
 * rule of the publishing API applies and re-importing updates (by guid or URL) rather than
 * duplicates; an item that gives nothing the stored article lacks is left alone and counted as
 * unchanged. A folder's files are submitted by extension: .json, .html/.htm, .atom; an .xml file
 * is read as a WordPress export unless its root element is an Atom entry. Progress goes to
 * {@code progress} every {@value #PROGRESS_EVERY} items and at the end of each export or folder.
 * Items are saved as the batch endpoint saves them: a group at a time (at most a progress step's
 * worth), each group one durable commit in which a refused item leaves nothing and the others stay.
 */
public final class Importer {

    static final int PROGRESS_EVERY = 100;
    /** Article files are saved a group at a time, each group one commit: up to this many bytes of them held at once. */
    private static final long GROUP_BYTES = 8L * 1024 * 1024;
    private static final String ATOM_ENTRY = ArticleReaders.ATOM + ";type=entry";
    private static final Map<String, String> MEDIA_TYPES = Map.of(
            "json", ArticleReaders.JSON,
            "html", "text/html",
            "htm", "text/html",
            "atom", ATOM_ENTRY,
            "xml", ATOM_ENTRY);
    /** For messages: the extensions a file may have. */
    public static final String EXTENSIONS = ".xml (a WordPress export or an Atom entry), .json, .html, .htm or .atom";

    private final ArticleService articles;
    private final Consumer<String> progress;

    public Importer(ArticleService articles, Consumer<String> progress) {
        this.articles = articles;
        this.progress = progress;
    }

    /** Whether the path is a folder or a file whose extension says how to read it. */
    public static boolean canImport(Path path) {
        return Files.isDirectory(path) || MEDIA_TYPES.containsKey(extension(path));
    }

    /** Each path in turn: a folder's files, an export's items, or one article file. */
    public ImportReport importAll(List<Path> paths) {
        Tally total = new Tally();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                total.add(folder(path, file -> true));
            } else {
                total.add(file(path));
            }
        }
        return total.report();
    }

    /** The folder's files that {@code include} accepts, by name; not its sub-folders, hidden files or unknown extensions. */
    public ImportReport importFolder(Path folder, Predicate<Path> include) {
        return folder(folder, include).report();
    }

    private Tally folder(Path folder, Predicate<Path> include) {
        Tally tally = new Tally();
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().startsWith("."))
                    .filter(file -> MEDIA_TYPES.containsKey(extension(file)))
                    .filter(include)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            tally.fail(folder.toString(), "", "cannot list the folder: " + e.getMessage());
            return tally;
        }
        List<Path> articleFiles = new ArrayList<>();
        long pendingBytes = 0;
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            if (extension(file).equals("xml") && !isAtomEntry(file)) {
                submitFiles(articleFiles, tally); // in the folder's order
                pendingBytes = 0;
                tally.add(export(file));
            } else {
                articleFiles.add(file);
                pendingBytes += sizeOf(file);
            }
            if (pendingBytes > GROUP_BYTES) {
                submitFiles(articleFiles, tally);
                pendingBytes = 0;
            }
            if ((i + 1) % PROGRESS_EVERY == 0 && i + 1 < files.size()) {
                pendingBytes = 0;
                submitFiles(articleFiles, tally);
                progress.accept(folder + ": " + (i + 1) + " of " + files.size() + " files: " + tally.counts());
            }
        }
        submitFiles(articleFiles, tally);
        progress.accept(folder + ": done, " + files.size() + (files.size() == 1 ? " file: " : " files: ") + tally.counts());
        return tally;
    }

    /** Submits the article files read so far in one group commit, and empties the list. */
    private void submitFiles(List<Path> files, Tally tally) {
        List<Path> readable = new ArrayList<>();
        List<Submission> submissions = new ArrayList<>();
        for (Path file : files) {
            try {
                submissions.add(new Submission(MEDIA_TYPES.get(extension(file)), Files.readAllBytes(file)));
                readable.add(file);
            } catch (IOException e) {
                tally.fail(file.toString(), "", cannotRead(e));
            }
        }
        files.clear();
        if (submissions.isEmpty()) {
            return;
        }
        List<ArticleService.Outcome> outcomes = outcomes(() -> articles.submitAll(submissions), submissions.size());
        for (int i = 0; i < outcomes.size(); i++) {
            tally.record(outcomes.get(i), readable.get(i).toString(), "");
        }
    }

    private Tally file(Path file) {
        Tally tally = new Tally();
        String type = MEDIA_TYPES.get(extension(file));
        if (type == null) {
            tally.fail(file.toString(), "", "is not an article file: expected " + EXTENSIONS);
            return tally;
        }
        if (extension(file).equals("xml") && !isAtomEntry(file)) {
            return export(file);
        }
        try {
            tally.saved(articles.submit(new Submission(type, Files.readAllBytes(file))));
        } catch (IOException e) {
            tally.fail(file.toString(), "", cannotRead(e));
        } catch (RuntimeException e) {
            tally.fail(file.toString(), "", reason(e));
        }
        return tally;
    }

    private Tally export(Path file) {
        Tally tally = new Tally();
        String source = file.toString();
        List<WxrItem.Post> posts = new ArrayList<>();
        List<WordPressId> wordPressIds = List.of();
        int read = 0;
        try (InputStream input = Files.newInputStream(file); WxrReader reader = WxrReader.open(input)) {
            for (Optional<WxrItem> next = reader.next(); next.isPresent(); next = reader.next()) {
                if (read > 0 && read % PROGRESS_EVERY == 0) { // not after the last: "done" says it
                    savePosts(source, posts, tally);
                    progress.accept(source + ": " + read + " items so far: " + tally.counts());
                }
                read++;
                if (next.get() instanceof WxrItem.Post post) {
                    posts.add(post);
                } else {
                    record(source, next.get(), tally);
                }
            }
            wordPressIds = reader.wordPressIds();
        } catch (WxrException e) {
            tally.fail(source, "", e.getMessage());
        } catch (IOException e) {
            tally.fail(source, "", cannotRead(e));
        }
        savePosts(source, posts, tally); // what was read before an error is kept
        progress.accept(source + ": done, " + tally.items + (tally.items == 1 ? " item: " : " items: ") + tally.counts());
        recordWordPressIds(source, wordPressIds);
        return tally;
    }

    /** Remembers the export's ids of categories, tags and authors, for WordPress's ?cat=5 addresses; a failure only loses those. */
    private void recordWordPressIds(String source, List<WordPressId> ids) {
        try {
            int recorded = articles.recordWordPressIds(ids);
            if (recorded > 0) {
                progress.accept(source + ": " + recorded + " categories, tags and authors keep their WordPress ids");
            }
        } catch (RuntimeException e) {
            progress.accept(source + ": the WordPress ids of categories, tags and authors were not kept: " + reason(e));
        }
    }

    /** Saves the posts read so far in one group commit (as the batch endpoint does), and empties the list. */
    private void savePosts(String source, List<WxrItem.Post> posts, Tally tally) {
        if (posts.isEmpty()) {
            return;
        }
        List<ArticleDraft> drafts = posts.stream().map(WxrItem.Post::draft).toList();
        List<ArticleService.Outcome> outcomes = outcomes(() -> articles.saveAll(drafts), drafts.size());
        for (int i = 0; i < outcomes.size(); i++) {
            ArticleDraft draft = drafts.get(i);
            tally.record(outcomes.get(i), source, label(posts.get(i).line(), draft.title(), draft.guid().orElse("")));
        }
        posts.clear();
    }

    /** The outcomes of a group, or, when its transaction failed as a whole, that failure for each of its items. */
    private static List<ArticleService.Outcome> outcomes(Supplier<List<ArticleService.Outcome>> save,
                                                         int size) {
        try {
            return save.get();
        } catch (RuntimeException e) {
            return Collections.nCopies(size, ArticleService.Outcome.refused(e));
        }
    }

    private void record(String source, WxrItem item, Tally tally) {
        if (item instanceof WxrItem.Skipped skipped) {
            tally.skip(skipped.reason());
        } else if (item instanceof WxrItem.Failed failed) {
            tally.fail(source, label(failed.line(), failed.title(), failed.guid()), failed.problems().getMessage());
        }
    }

    /** item at line 57 "العنوان" (guid https://example.org/?p=12) */
    private static String label(int line, String title, String guid) {
        return "item at line " + line + (title.isEmpty() ? "" : " \"" + title + "\"")
                + (guid.isEmpty() ? "" : " (guid " + guid + ")");
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0; // reading it reports the error
        }
    }

    private static String cannotRead(IOException e) {
        return e instanceof NoSuchFileException ? "no such file" : "cannot be read: " + e.getMessage();
    }

    private static String reason(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static boolean isAtomEntry(Path file) {
        try (InputStream input = Files.newInputStream(file)) {
            return WxrReader.rootElement(input).filter("entry"::equals).isPresent();
        } catch (IOException e) {
            return false; // reading it as an export reports the error
        }
    }

    private static String extension(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** Counts for one file or folder, added up into the report. */
    private static final class Tally {
        int items;
        int imported;
        int updated;
        int unchanged;
        final Map<String, Integer> skipped = new TreeMap<>();
        final List<ImportReport.Failure> failures = new ArrayList<>();

        void saved(Saved saved) {
            items++;
            if (saved.created()) {
                imported++;
            } else if (saved.changed()) {
                updated++;
            } else {
                unchanged++;
            }
        }

        void record(ArticleService.Outcome outcome, String source, String item) {
            outcome.saved().ifPresentOrElse(this::saved, () -> fail(source, item, reason(outcome.failure().orElseThrow())));
        }

        void skip(String reason) {
            items++;
            skipped.merge(reason, 1, Integer::sum);
        }

        void fail(String source, String item, String reason) {
            items++;
            failures.add(new ImportReport.Failure(source, item, reason));
        }

        void add(Tally other) {
            items += other.items;
            imported += other.imported;
            updated += other.updated;
            unchanged += other.unchanged;
            other.skipped.forEach((reason, count) -> skipped.merge(reason, count, Integer::sum));
            failures.addAll(other.failures);
        }

        ImportReport report() {
            return new ImportReport(imported, updated, unchanged, new TreeMap<>(skipped), failures);
        }

        String counts() {
            return report().counts();
        }
    }
}
