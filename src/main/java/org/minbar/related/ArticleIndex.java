package org.minbar.related;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lucene index of live articles, under the storage folder beside the database. It is derived
 * data: SQLite stays the source of truth, and deleting the folder loses nothing. Each commit
 * records a watermark, the position in the change log it has taken in, so a restart takes in the
 * changes after it (after a crash between the database's commit and the index's).
 * Titles and text go through Lucene's Arabic analysis: normalized alef and hamza forms, taa
 * marbuta, alef maqsura, no tashkeel or tatweel, Arabic-Indic digits as Western ones, light
 * stemming and stop words, then broken plurals mapped to their singulars (NewsAnalyzer).
 */
public final class ArticleIndex implements AutoCloseable {

    static final String ID = "id";
    static final String TITLE = "title";
    static final String TEXT = "text";
    static final String CATEGORY = "category";
    static final String TAG = "tag";
    static final String AUTHOR = "author";
    static final String NAMES = "names";
    static final String PUBLISHED = "published";
    /** Doc values read when ranking candidates (RankingFacts): never the stored text, whose blocks would be decompressed. */
    static final String RANK_ID = "rank-id";
    static final String RANK_CATEGORY = "rank-category";
    static final String RANK_TAG = "rank-tag";
    static final String RANK_TITLE_TERMS = "rank-title-terms";
    /** The story features (StoryFeatures), weighted, that related stories are found by. */
    static final String STORY = "story";
    private static final FieldType STORY_FIELD = storyField();
    /** What the documents hold besides the analysis: a change here, like one of the analysis, means a rebuild. */
    private static final String SCHEMA = "story-features-2";
    /** Commit data: the last change-log position taken in (an older index, with a time watermark, reads as never committed). */
    private static final String WATERMARK = "change-seq";
    private static final String ANALYSIS = "analysis";
    /** Commit data: the store the index was built from (see {@code StoreIdentity}). */
    private static final String STORE = "store";
    private static final Logger LOG = LoggerFactory.getLogger(ArticleIndex.class);
    /** How many articles' features are kept after indexing: a single publish's, or the end of a burst's batch. */
    private static final int RECENT_FEATURES = 32;

    private final Path folder;
    private final boolean withLexicon;
    private final Analyzer analyzer;
    private final String analysis;
    /** The store whose articles this index holds, recorded with each commit once known. */
    private volatile String store;
    // Replaced together by recover() after a fault of the disk; read by the derivation thread and by searches.
    private volatile Directory directory;
    private volatile IndexWriter writer;
    private volatile SearcherManager searchers;
    /** The story features of the last articles put, for their similarity queries that follow at once. */
    private final Map<IndexedArticle, Map<String, StoryFeatures.Feature>> recentFeatures = new LinkedHashMap<>(32, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<IndexedArticle, Map<String, StoryFeatures.Feature>> eldest) {
            return size() > RECENT_FEATURES;
        }
    };

    private ArticleIndex(Path folder, boolean withLexicon, Directory directory, IndexWriter writer, Analyzer analyzer,
                         String analysis) throws IOException {
        this.folder = folder;
        this.withLexicon = withLexicon;
        this.directory = directory;
        this.writer = writer;
        this.analyzer = analyzer;
        this.analysis = analysis;
        this.searchers = new SearcherManager(writer, null);
    }

    /** Another process (a running server) holds the index's write lock. */
    public static final class InUseException extends RuntimeException {
        InUseException(Path folder) {
            super("the search index in " + folder + " is in use by another process (a running server)");
        }
    }

    /**
     * Opens the index in the folder; one that cannot be read (corrupt, or from another version) is
     * started afresh, to be rebuilt from the database.
     *
     * @throws InUseException when another process has it open: it is never touched then
     */
    public static ArticleIndex open(Path folder) {
        return open(folder, true);
    }

    /** With {@code withLexicon} false, Lucene's light Arabic stemming alone: for measuring what the lexicon adds. */
    public static ArticleIndex open(Path folder, boolean withLexicon) {
        try {
            return openOrFail(folder, withLexicon);
        } catch (LockObtainFailedException e) {
            throw new InUseException(folder);
        } catch (IOException | RuntimeException e) {
            LOG.warn("the search index in {} cannot be read ({}); starting a new one, rebuilt from the database", folder, e.getMessage());
            deleteQuietly(folder);
            try {
                return openOrFail(folder, withLexicon);
            } catch (IOException again) {
                throw new UncheckedIOException("cannot create the search index in " + folder, again);
            }
        }
    }

    private static ArticleIndex openOrFail(Path folder, boolean withLexicon) throws IOException {
        Files.createDirectories(folder);
        Directory directory = FSDirectory.open(folder);
        try {
            NewsAnalyzer analyzer = new NewsAnalyzer(withLexicon);
            IndexWriterConfig config = new IndexWriterConfig(analyzer)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    // Few segments: a similarity query looks up each of its words in every segment, and
                    // every small batch derived makes a segment; merging them sooner costs less than that.
                    .setMergePolicy(new TieredMergePolicy().setSegmentsPerTier(4))
                    .setCommitOnClose(true);
            IndexWriter writer = new IndexWriter(directory, config); // takes the lock first: never reads another's index
            try {
                DirectoryReader.open(writer).close(); // fails on a corrupt index
                return new ArticleIndex(folder, withLexicon, directory, writer, analyzer,
                        SCHEMA + "/" + analyzer.version());
            } catch (IOException | RuntimeException e) {
                writer.rollback(); // releases the lock
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    private static FieldType storyField() {
        FieldType type = new FieldType();
        type.setTokenized(true);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        type.setStoreTermVectors(true); // a document's features, read back for feedback without analyzing its text again
        type.freeze();
        return type;
    }

    Analyzer analyzer() {
        return analyzer;
    }

    /**
     * Whether the index can be written: Lucene closes its writer for good after a fault it cannot
     * undo (a full disk during a merge, a vanished file), and its folder may have been deleted.
     */
    public boolean isUsable() {
        IndexWriter current = writer;
        return current.isOpen() && current.getTragicException() == null && Files.isDirectory(folder);
    }

    /**
     * After a fault: when the index is not {@link #isUsable usable}, closes what is left of it and
     * opens it again from its last durable commit (or, unreadable or gone, afresh, to be rebuilt);
     * returns whether it did. Changes after that commit are still in the change log.
     */
    public synchronized boolean recover() {
        if (isUsable()) {
            return false;
        }
        IndexWriter broken = writer;
        LOG.warn("the search index in {} cannot be written ({}); opening it again",
                folder, broken.getTragicException() != null ? broken.getTragicException().toString()
                        : Files.isDirectory(folder) ? "its writer is closed" : "its folder is gone");
        closeQuietly();
        ArticleIndex reopened;
        try {
            reopened = openOrFail(folder, withLexicon);
        } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException e) {
            reopened = open(folder, withLexicon); // deletes the unreadable index: rebuilt then
        } catch (IOException e) {
            // still full or read-only: the index is left as it was on disk, and tried again later
            throw new UncheckedIOException("the search index in " + folder + " cannot be opened yet", e);
        }
        this.directory = reopened.directory;
        this.writer = reopened.writer;
        this.searchers = reopened.searchers;
        return true;
    }

    private void closeQuietly() {
        try {
            searchers.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("closing the broken index's searchers: {}", e.toString());
        }
        try {
            writer.rollback(); // releases the write lock without committing anything of the broken state
        } catch (IOException | RuntimeException e) {
            LOG.debug("rolling the broken index's writer back: {}", e.toString());
        }
        try {
            directory.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("closing the broken index's folder: {}", e.toString());
        }
    }

    /**
     * The article's story features: those found when it was indexed, if it was one of the last, or
     * analyzed now (the lexicon's analysis is the dearest part of a similarity query).
     */
    Map<String, StoryFeatures.Feature> features(IndexedArticle article) {
        synchronized (recentFeatures) {
            Map<String, StoryFeatures.Feature> known = recentFeatures.get(article);
            if (known != null) {
                return known;
            }
        }
        return StoryFeatures.of(analyzer, article.title(), article.text());
    }

    /** Adds or replaces the article's document; seen by searches after the next {@link #commit}. */
    public void put(IndexedArticle article) {
        AnalyzedText title = AnalyzedText.of(analyzer, TITLE, article.title());
        AnalyzedText text = AnalyzedText.of(analyzer, TEXT, article.text());
        Document document = new Document();
        document.add(new StringField(ID, Long.toString(article.id()), Field.Store.YES));
        document.add(new Field(TITLE, title.tokenStream(), TextField.TYPE_NOT_STORED));
        document.add(new StoredField(TITLE, article.title()));
        document.add(new Field(TEXT, text.tokenStream(), TextField.TYPE_NOT_STORED));
        document.add(new StoredField(TEXT, article.text())); // for search highlights and explanations
        article.categories().forEach(c -> document.add(new StringField(CATEGORY, c, Field.Store.YES)));
        article.tags().forEach(t -> document.add(new StringField(TAG, t, Field.Store.YES)));
        article.authors().forEach(a -> document.add(new TextField(AUTHOR, a, Field.Store.NO)));
        Map<String, StoryFeatures.Feature> features = StoryFeatures.of(title, text);
        synchronized (recentFeatures) {
            recentFeatures.put(article, features);
        }
        document.add(new Field(STORY, new FeatureTokens(List.copyOf(features.values())), STORY_FIELD));
        article.termNames().forEach(n -> document.add(new TextField(NAMES, n, Field.Store.NO)));
        document.add(new NumericDocValuesField(RANK_ID, article.id()));
        article.categories().forEach(c -> document.add(new SortedSetDocValuesField(RANK_CATEGORY, new BytesRef(c))));
        article.tags().forEach(t -> document.add(new SortedSetDocValuesField(RANK_TAG, new BytesRef(t))));
        title.terms().forEach(term -> document.add(new SortedSetDocValuesField(RANK_TITLE_TERMS, new BytesRef(term))));
        long published = article.published().toEpochMilli();
        document.add(new LongPoint(PUBLISHED, published));
        document.add(new NumericDocValuesField(PUBLISHED, published));
        document.add(new StoredField(PUBLISHED, published));
        try {
            writer.updateDocument(new Term(ID, Long.toString(article.id())), document);
        } catch (IOException e) {
            throw new UncheckedIOException("indexing article " + article.id() + " failed", e);
        }
    }

    public void remove(long id) {
        try {
            writer.deleteDocuments(new Term(ID, Long.toString(id)));
        } catch (IOException e) {
            throw new UncheckedIOException("removing article " + id + " from the index failed", e);
        }
    }

    public void clear() {
        try {
            writer.deleteAll();
        } catch (IOException e) {
            throw new UncheckedIOException("clearing the index failed", e);
        }
    }

    /** Makes the changes durable and visible to searches, recording the change-log position taken in. */
    public void commit(long watermark) {
        try {
            writer.setLiveCommitData(commitData(watermark));
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("committing the index failed", e);
        }
    }

    /**
     * Makes the changes visible to searches at once without making them durable (no fsync): the
     * next {@link #commit}, or closing, records them with this watermark. A crash before that
     * loses only what the change log still holds after the last committed watermark.
     */
    public void refresh(long watermark) {
        try {
            writer.setLiveCommitData(commitData(watermark));
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("refreshing the index's searcher failed", e);
        }
    }

    private Iterable<Map.Entry<String, String>> commitData(long watermark) {
        Map<String, String> data = new java.util.LinkedHashMap<>();
        data.put(WATERMARK, Long.toString(watermark));
        data.put(ANALYSIS, analysis);
        if (store != null) {
            data.put(STORE, store);
        }
        return data.entrySet();
    }

    /** Records, from the next commit on, which store the index holds the articles of. */
    public void belongsTo(String store) {
        this.store = store;
    }

    /**
     * Whether the index was last committed from this store, or from one unnamed (an index made
     * before stores were named, kept: it is the only store it can have been built from).
     */
    public boolean isFrom(String store) {
        for (Map.Entry<String, String> entry : writer.getLiveCommitData()) {
            if (entry.getKey().equals(STORE)) {
                return entry.getValue().equals(store);
            }
        }
        return true;
    }

    /** The watermark of the last commit or refresh, or -1 for an index that has never been committed. */
    public long watermark() {
        for (Map.Entry<String, String> entry : writer.getLiveCommitData()) {
            if (entry.getKey().equals(WATERMARK)) {
                return Long.parseLong(entry.getValue());
            }
        }
        return -1;
    }

    /** Whether the index was last committed with the analysis and document schema this instance uses; if not, it must be rebuilt. */
    public boolean analysisIsCurrent() {
        for (Map.Entry<String, String> entry : writer.getLiveCommitData()) {
            if (entry.getKey().equals(ANALYSIS)) {
                return entry.getValue().equals(analysis);
            }
        }
        return false;
    }

    public int count() {
        return writer.getDocStats().numDocs;
    }

    /** Runs a search on the latest committed state. */
    <T> T search(SearchWork<T> work) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (AlreadyClosedException e) {
            throw new IndexUnavailableException(e); // closed by a fault, being opened again
        } catch (IOException e) {
            throw new UncheckedIOException("searching the index failed", e);
        }
    }

    /** Work with a searcher. */
    interface SearchWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    /**
     * Commits what is pending and closes. On storage that can no longer be written (full, read-only)
     * the commit fails: the index is then closed without it, and the next start takes in the
     * changes after its last commit from the change log.
     */
    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException | RuntimeException | AssertionError e) { // Lucene asserts that fsync works, under -ea
            LOG.warn("the search index in {} could not be committed on closing ({}); the change log has what it missed",
                    folder, e.toString());
            closeQuietly();
        }
    }

    /** Whether a process (a running server) holds the index in this folder open for writing. */
    public static boolean inUse(Path folder) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Directory directory = FSDirectory.open(folder)) {
            directory.obtainLock(IndexWriter.WRITE_LOCK_NAME).close(); // free: nobody holds it
            return false;
        } catch (LockObtainFailedException e) {
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot look at the search index in " + folder, e);
        }
    }

    /** Deletes the index in this folder (derived data: the next start rebuilds it from the database). */
    public static void delete(Path folder) {
        deleteQuietly(folder);
    }

    private static void deleteQuietly(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.warn("could not delete {}: {}", folder, e.getMessage());
        }
    }
}
