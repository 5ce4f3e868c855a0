package org.minbar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minbar.config.PublishingToken;
import org.minbar.support.Articles;
import org.minbar.support.TestServer;
import org.minbar.support.Xml;

/** What a restart must keep: every acknowledged article, no duplicated seeds, the same validators. */
class RestartIT {

    @TempDir
    Path storage;

    @Test
    void articlesSurviveARestartAndSeedsAreNotImportedTwice() throws Exception {
        long id;
        String etag;
        String lastModified;
        try (TestServer first = TestServer.withSeedsBehind(storage, "https://news.example.org")) {
            id = new ObjectMapper().readTree(first.postJson(Articles.s400Deal("urn:test:s400")).body()).get("id").asLong();
            var feed = first.get("/feed/");
            etag = feed.headers().firstValue("ETag").orElseThrow();
            lastModified = feed.headers().firstValue("Last-Modified").orElseThrow();
        }
        try (TestServer second = TestServer.withSeedsBehind(storage, "https://news.example.org")) {
            assertEquals(200, second.get("/api/articles/" + id).statusCode());
            var feed = second.get("/feed/");
            assertEquals(10, Xml.rome(feed.body()).getEntries().size(), "nine seeds and one article, once each");
            assertEquals(etag, feed.headers().firstValue("ETag").orElseThrow());
            assertEquals(lastModified, feed.headers().firstValue("Last-Modified").orElseThrow(), "Last-Modified survives restarts");
            assertEquals(304, second.get("/feed/", "If-Modified-Since", lastModified).statusCode());
        }
    }

    @Test
    void withoutAConfiguredTokenOneIsGeneratedForTheOwnerOnlyAndKept() throws Exception {
        PublishingToken.Resolved first = PublishingToken.resolve(Optional.empty(), storage);
        Path file = storage.resolve(PublishingToken.FILE_NAME);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(first.token().length() >= 40, "32 random bytes, base64url");
        assertEquals(first.token(), PublishingToken.resolve(Optional.empty(), storage).token());
    }
}
