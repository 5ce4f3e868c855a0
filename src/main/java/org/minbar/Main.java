package org.minbar;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.minbar.config.ConfigException;
import org.minbar.config.FeedsDirectory;
import org.minbar.config.PublishingToken;
import org.minbar.config.PurgeTargets;
import org.minbar.config.SiteConfig;
import org.minbar.service.ImportReport;
import org.minbar.service.Importer;
import org.minbar.related.ArticleIndex;
import org.minbar.storage.Backups;
import org.minbar.storage.Database;
import org.minbar.storage.SqliteDatabase;
import org.minbar.storage.StorageException;
import org.minbar.storage.StoreLocation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The command line: {@code serve} (the default) runs the server, {@code import} fills the store from
 * files, {@code backup} and {@code restore} copy the store out and back.
 */
@Command(name = "minbar", mixinStandardHelpOptions = true, version = App.NAME + " " + App.VERSION,
        description = "An Arabic-first RSS 2.0 and Atom 1.0 feed server.",
        subcommands = {Main.Serve.class, Main.Import.class, Main.Backup.class, Main.Restore.class, Main.Migrate.class})
public final class Main {

    public static void main(String[] args) {
        // Undertow and XNIO log through JBoss Logging, which would pick java.util.logging and its own
        // two-line format; through SLF4J every line has the one format of the rest.
        System.setProperty("org.jboss.logging.provider", "slf4j");
        // Log lines keep ASCII digits on a machine whose locale is Arabic (the logger formats its
        // dates in the default locale); Minbar's own formats name their locale.
        Locale.setDefault(Locale.Category.FORMAT, Locale.ROOT);
        System.exit(commandLine().execute(withDefaultCommand(args)));
    }

    static CommandLine commandLine() {
        return new CommandLine(new Main());
    }

    /** No subcommand, or only options, means serve. */
    static String[] withDefaultCommand(String[] args) {
        boolean help = args.length > 0 && (args[0].equals("-h") || args[0].equals("--help")
                || args[0].equals("-V") || args[0].equals("--version"));
        if (args.length == 0 || (args[0].startsWith("-") && !help)) {
            String[] serve = new String[args.length + 1];
            serve[0] = "serve";
            System.arraycopy(args, 0, serve, 1, args.length);
            return serve;
        }
        return args;
    }

    /** The storage folder alone, for backup and restore. */
    static final class StorageOption {

        @Option(names = "--storage", defaultValue = "${env:MINBAR_STORAGE:-storage}",
                description = "Folder of the store (env MINBAR_STORAGE; default ${DEFAULT-VALUE}).")
        Path storage;
    }

    /** The options serve and import share: where the store and the channel configuration are, and the site's address. */
    static final class SiteOptions {

        @Option(names = "--storage", defaultValue = "${env:MINBAR_STORAGE:-storage}",
                description = "Folder of the database and the publishing token (env MINBAR_STORAGE; default ${DEFAULT-VALUE}).")
        Path storage;

        @Option(names = "--database", defaultValue = "${env:MINBAR_DATABASE}", paramLabel = "JDBC-URL",
                description = "The store: by default the SQLite file in --storage; or jdbc:postgresql://host:port/db,"
                        + " a PostgreSQL 15+ database any number of nodes share (env MINBAR_DATABASE). User and password"
                        + " in the address, or in env MINBAR_DATABASE_USER and MINBAR_DATABASE_PASSWORD.")
        String database;

        StoreLocation store() {
            return StoreLocation.of(database, System.getenv("MINBAR_DATABASE_USER"), System.getenv("MINBAR_DATABASE_PASSWORD"));
        }

        @Option(names = "--feeds", defaultValue = "${env:MINBAR_FEEDS:-feeds}",
                description = "Folder of the channel configuration (env MINBAR_FEEDS; default ${DEFAULT-VALUE}).")
        Path feeds;

        @Option(names = "--base-url", defaultValue = "${env:MINBAR_BASE_URL}",
                description = "Public address of the site: absolute links in feeds start with it, relative links in"
                        + " articles resolve against it (env MINBAR_BASE_URL; default: feeds/site.json's baseUrl,"
                        + " else http://HOST:PORT, for import http://127.0.0.1:8080).")
        String baseUrl;
    }

    /** Runs the server until it is stopped. */
    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = "Serve feeds and the publishing API (imports seeds/ into an empty store first).")
    static final class Serve implements Callable<Integer> {

        @Option(names = "--host", defaultValue = "${env:MINBAR_HOST:-127.0.0.1}",
                description = "Address to listen on (env MINBAR_HOST; default ${DEFAULT-VALUE}).")
        String host;

        @Option(names = "--port", defaultValue = "${env:MINBAR_PORT:-8080}",
                description = "Port to listen on, 0 for any free port (env MINBAR_PORT; default ${DEFAULT-VALUE}).")
        int port;

        @Mixin
        SiteOptions site;

        @Option(names = "--token", defaultValue = "${env:MINBAR_TOKEN}",
                description = "Bearer token for writes (env MINBAR_TOKEN; default: generated once into STORAGE/publishing-token)."
                        + " On the command line it shows in the process list: prefer the variable or --token-file.")
        String token;

        @Option(names = "--token-file", defaultValue = "${env:MINBAR_TOKEN_FILE}",
                description = "File whose content is the bearer token for writes (env MINBAR_TOKEN_FILE), instead of --token.")
        Path tokenFile;

        @Option(names = "--seeds", defaultValue = "${env:MINBAR_SEEDS:-seeds}",
                description = "Folder of articles imported into an empty store (env MINBAR_SEEDS; default ${DEFAULT-VALUE}).")
        Path seeds;

        @Option(names = "--cache-max-age", defaultValue = "${env:MINBAR_CACHE_MAX_AGE:-300}",
                description = "Seconds aggregators may cache a feed: Cache-Control max-age (env MINBAR_CACHE_MAX_AGE; default ${DEFAULT-VALUE}).")
        int cacheMaxAge;

        @Option(names = "--max-body-bytes", defaultValue = "${env:MINBAR_MAX_BODY_BYTES:-4194304}",
                description = "Largest request body accepted; larger ones get 413 (env MINBAR_MAX_BODY_BYTES; default ${DEFAULT-VALUE}).")
        int maxBodyBytes;

        @Option(names = "--access-log", arity = "1", defaultValue = "${env:MINBAR_ACCESS_LOG:-true}",
                description = "Log every request in the combined format, as the logger 'access' (env MINBAR_ACCESS_LOG;"
                        + " default ${DEFAULT-VALUE}).")
        boolean accessLog;

        @Option(names = "--count-polls", arity = "1", defaultValue = "${env:MINBAR_COUNT_POLLS:-true}",
                description = "Count feed polls for the subscriber statistics at /admin/ (env MINBAR_COUNT_POLLS;"
                        + " default ${DEFAULT-VALUE}).")
        boolean countPolls;

        @Option(names = "--purge-url", defaultValue = "${env:MINBAR_PURGE_URL}",
                description = "Shared caches (Varnish with vmod xkey) to send PURGE to when a change affects their documents,"
                        + " comma-separated, e.g. http://127.0.0.1:6081/ (env MINBAR_PURGE_URL; default: none, nothing is purged).")
        String purgeUrl;

        @Override
        public Integer call() throws InterruptedException {
            if (port < 0 || port > 65_535 || cacheMaxAge < 0 || maxBodyBytes < 1024) {
                System.err.println("minbar: --port must be 0-65535, --cache-max-age at least 0, --max-body-bytes at least 1024");
                return 2;
            }
            if (token != null && tokenFile != null) {
                System.err.println("minbar: give the token one way: --token (MINBAR_TOKEN) or --token-file (MINBAR_TOKEN_FILE)");
                return 2;
            }
            if (token != null && !token.equals(System.getenv("MINBAR_TOKEN"))) {
                System.err.println("minbar: warning: --token is visible to every local user in the process list;"
                        + " set MINBAR_TOKEN or use --token-file instead");
            }
            App app;
            try {
                Optional<String> configured = tokenFile != null ? Optional.of(PublishingToken.read(tokenFile))
                        : Optional.ofNullable(token);
                ServerSettings settings = new ServerSettings(host, port, site.storage, site.store(), Optional.ofNullable(site.baseUrl),
                        configured, site.feeds, Optional.of(seeds), cacheMaxAge, maxBodyBytes, accessLog,
                        countPolls, PurgeTargets.parse(purgeUrl));
                app = App.start(settings);
            } catch (ConfigException | StorageException e) {
                System.err.println("minbar: " + e.getMessage());
                return 1;
            }
            System.out.println("Minbar is serving " + app.baseUrl() + "/feed/ (listening on " + host + ":" + app.port() + ")");
            System.out.println("Publishing token: " + app.token().source());
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                app.close(); // finishes the requests under way first
                stopped.countDown();
            }, "minbar-shutdown"));
            TermSignal.exitZeroOnTerm();
            stopped.await();
            return 0;
        }
    }

    /** Imports WordPress exports and folders of article files into the store, without serving. */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {
                "Import WordPress exports (WXR .xml, only published posts) and folders of article files"
                        + " (.json, .html, .htm, .atom, .xml) into the store, through the same checks as the publishing API.",
                "An article already stored (same guid or URL) is updated, never duplicated, so an import can be repeated.",
                "A running server on the same storage notices the import within a few seconds and serves the new feeds."},
            exitCodeListHeading = "Exit codes:%n",
            exitCodeList = {"0:everything was imported or skipped", "1:some items or files failed (listed at the end)",
                "2:a FILE does not exist or has an unknown extension, or the options are wrong"})
    static final class Import implements Callable<Integer> {

        /** Where relative links point when neither --base-url nor site.json names the site: serve's default address. */
        static final String FALLBACK_BASE_URL = "http://127.0.0.1:8080";

        @Spec
        CommandSpec spec;

        @Mixin
        SiteOptions site;

        @Parameters(paramLabel = "FILE", arity = "1..*",
                description = "A WordPress export (.xml), an article file, or a folder of article files.")
        List<Path> files;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            for (Path file : files) {
                if (!Files.exists(file)) {
                    err.println("minbar import: " + file + ": no such file or folder");
                    return 2;
                }
                if (!Importer.canImport(file)) {
                    err.println("minbar import: " + file + ": unknown kind of file; expected a folder or "
                            + Importer.EXTENSIONS);
                    return 2;
                }
            }
            SiteConfig config;
            try {
                config = FeedsDirectory.load(site.feeds, Optional.ofNullable(site.baseUrl), FALLBACK_BASE_URL);
            } catch (ConfigException e) {
                err.println("minbar import: " + e.getMessage());
                return 2;
            }
            try (Publishing publishing = Publishing.forImport(site.storage, site.store(), config, Clock.systemUTC(), out::println)) {
                // Pushes are derived from the change log; the running server (or the next start) sends them.
                ImportReport report = new Importer(publishing.articles, out::println).importAll(files);
                publishing.derivation.catchUp();
                report.summary().forEach(out::println);
                out.flush();
                return report.failures().isEmpty() ? 0 : 1;
            } catch (StorageException e) {
                err.println("minbar import: " + e.getMessage());
                return 1;
            }
        }
    }

    /** Writes a consistent copy of the store to a file, while a server may be publishing into it. */
    @Command(name = "backup", mixinStandardHelpOptions = true,
            description = "Copy the store (SQLite's VACUUM INTO: one consistent snapshot, compacted) to a new file,"
                    + " readable by you only. Safe while the server runs and publishes.")
    static final class Backup implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        StorageOption store;

        @Option(names = "--to", required = true, paramLabel = "FILE", description = "The copy to write; it must not exist.")
        Path to;

        @Override
        public Integer call() {
            try {
                Backups.Summary copy = Backups.backUp(store.storage, to);
                spec.commandLine().getOut().println("backed up " + copy.articles() + " articles (schema "
                        + copy.schemaVersion() + ", " + copy.bytes() + " bytes) to " + copy.file());
                return 0;
            } catch (StorageException e) {
                spec.commandLine().getErr().println("minbar backup: " + e.getMessage());
                return 1;
            }
        }
    }

    /** Makes a backup the store again, keeping the store it replaces. */
    @Command(name = "restore", mixinStandardHelpOptions = true,
            description = "Make a backup the store: checked whole first (integrity, a Minbar schema); the database it"
                    + " replaces is kept as STORAGE/minbar.db.before-restore-TIME; the search index is rebuilt at the next"
                    + " start. Stop the server first.")
    static final class Restore implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        StorageOption store;

        @Option(names = "--from", required = true, paramLabel = "FILE", description = "A file made by backup.")
        Path from;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            Path storage = store.storage;
            Path index = storage.resolve(App.INDEX_FOLDER);
            if (ArticleIndex.inUse(index)) {
                err.println("minbar restore: a server is running on " + storage + "; stop it first");
                return 1;
            }
            try {
                Path keptAs = storage.resolve(SqliteDatabase.FILE_NAME + ".before-restore-"
                        + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC).format(Instant.now()));
                boolean hadStore = Files.exists(storage.resolve(SqliteDatabase.FILE_NAME));
                Backups.Summary restored = Backups.restore(from, storage, keptAs);
                ArticleIndex.delete(index);
                PrintWriter out = spec.commandLine().getOut();
                out.println("restored " + restored.articles() + " articles (schema " + restored.schemaVersion() + ") from "
                        + from + " into " + restored.file());
                if (hadStore) {
                    out.println("the store it replaced is kept as " + keptAs);
                }
                out.println("the search index and related stories are rebuilt when the server starts");
                return 0;
            } catch (StorageException e) {
                err.println("minbar restore: " + e.getMessage());
                return 1;
            }
        }
    }

    /** Copies a store into another: the SQLite file into a PostgreSQL database, to share it between nodes. */
    @Command(name = "migrate", mixinStandardHelpOptions = true,
            description = {
                "Copy a store into another, every table with its ids, then count each table's rows on both sides:"
                        + " typically the SQLite file into an empty PostgreSQL database (jdbc:postgresql://host:port/name),"
                        + " which nodes then share. Both are first brought to this build's schema.",
                "Stop the server first: migrating while a server writes into the source is not supported (a server on"
                        + " a SQLite folder is refused; nothing else is checked, and the counts would then differ).",
                "Interrupted, it resumes where it stopped when run again; it never doubles a row, and refuses a target"
                        + " that holds another store. The user and password of a PostgreSQL address come from it, or from"
                        + " MINBAR_DATABASE_USER and MINBAR_DATABASE_PASSWORD."},
            exitCodeListHeading = "Exit codes:%n",
            exitCodeList = {"0:copied, and every table has as many rows in the target as in the source",
                "1:the copy failed or differs (named); run it again", "2:refused: nothing was written"})
    static final class Migrate implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--from", required = true, paramLabel = "STORE",
                description = "The store to copy: a SQLite file (storage/minbar.db) or its folder, or a jdbc:postgresql:// address.")
        String from;

        @Option(names = "--to", required = true, paramLabel = "STORE",
                description = "The store to fill: a jdbc:postgresql:// address, or a SQLite file or folder.")
        String to;

        @Option(names = "--batch", defaultValue = "1000", paramLabel = "ROWS",
                description = "Rows copied in each write (default ${DEFAULT-VALUE}).")
        int batch;

        @Override
        public Integer call() {
            if (batch < 1) {
                spec.commandLine().getErr().println("minbar migrate: --batch must be at least 1");
                return 2;
            }
            return new Migration(spec.commandLine().getOut(), spec.commandLine().getErr(), Migration.terminal())
                    .run(from, to, batch, Optional.ofNullable(System.getenv("MINBAR_DATABASE_USER")),
                            Optional.ofNullable(System.getenv("MINBAR_DATABASE_PASSWORD")));
        }
    }
}
