package org.minbar.related;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import org.apache.lucene.analysis.ar.ArabicNormalizer;

/**
 * What light stemming cannot know of Arabic words: which broken plural belongs to which singular
 * (قذائف to قذيفة, أسرى to أسير but أسر to أسرة), and which words exist, so that a bare ل ب ك or ف
 * before a word is read as a clitic (لقذائف) only when the rest is a word and the whole is not
 * (لجنة, بنك). Read from resources/related (each file names its source and licence; see the README),
 * normalized as the analysis normalizes text (no tashkeel, bare alef, ي for ى, ه for ة).
 */
final class ArabicLexicon {

    /** Read in this order: an earlier file's entry for a plural wins. */
    static final java.util.List<String> PLURALS = java.util.List.of("/related/news-plurals.tsv", "/related/broken-plurals.tsv");
    static final String WORDS = "/related/known-words.txt";

    private final Map<String, String> singulars;
    private final Set<String> words;
    private final String fingerprint;

    private ArabicLexicon(Map<String, String> singulars, Set<String> words, String fingerprint) {
        this.singulars = singulars;
        this.words = words;
        this.fingerprint = fingerprint;
    }

    static ArabicLexicon load() {
        Map<String, String> singulars = new HashMap<>();
        Set<String> words = new HashSet<>();
        CRC32 checksum = new CRC32();
        for (String list : PLURALS) {
        read(list, checksum, line -> {
            String[] pair = line.split("\t");
            if (pair.length < 2) {
                throw new IllegalStateException(list + ": not a plural and its singular: " + line);
            }
            String plural = normalize(pair[0]);
            String singular = normalize(pair[1]);
            if (!plural.equals(singular)) {
                singulars.putIfAbsent(plural, singular);
            }
            words.add(plural);
            words.add(singular);
        });
        }
        read(WORDS, checksum, line -> words.add(normalize(line)));
        return new ArabicLexicon(Map.copyOf(singulars), Set.copyOf(words),
                singulars.size() + "-" + words.size() + "-" + Long.toHexString(checksum.getValue()));
    }

    /** The singular of a normalized broken plural, or null. */
    String singularOf(String plural) {
        return singulars.get(plural);
    }

    boolean isWord(String normalized) {
        return words.contains(normalized);
    }

    /** Changes whenever the lexicon's content does. */
    String fingerprint() {
        return fingerprint;
    }

    int plurals() {
        return singulars.size();
    }

    int words() {
        return words.size();
    }

    static String normalize(String word) {
        char[] chars = word.strip().toCharArray();
        int length = new ArabicNormalizer().normalize(chars, chars.length);
        return new String(chars, 0, length);
    }

    private interface Lines {
        void accept(String line);
    }

    private static void read(String resource, CRC32 checksum, Lines lines) {
        try (InputStream in = ArabicLexicon.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the build");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    checksum.update(line.getBytes(StandardCharsets.UTF_8));
                    lines.accept(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(resource + " could not be read", e);
        }
    }
}
