package org.minbar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minbar.support.TestServer;
import org.minbar.support.Xml;

/** Some aggregators refuse feeds over 512 KB: twenty very long articles must still make a valid, smaller feed. */
class FeedSizeIT {

    @TempDir
    Path storage;

    @Test
    void feedsOfVeryLongArticlesStayUnder512KilobytesAndLinkToTheRest() {
        try (TestServer server = TestServer.start(storage)) {
            String paragraph = "<p>" + "تواصل القوات عملياتها في المنطقة الجنوبية الشرقية من المحافظة. ".repeat(40) + "</p>";
            for (int i = 0; i < 20; i++) {
                String json = "{\"guid\": \"urn:test:long-" + i + "\", \"title\": \"تقرير مطول رقم " + i + "\", \"content\": \""
                        + paragraph.repeat(12) + "\", \"author\": \"نور الدين\", \"categories\": [\"سوريا\"],"
                        + " \"published\": \"2024-01-" + String.format(java.util.Locale.ROOT, "%02d", i + 1) + "T10:00:00Z\"}";
                assertEquals(201, server.postJson(json).statusCode());
            }
            for (String path : new String[] {"/feed/", "/feed/atom/"}) {
                byte[] feed = server.get(path).body();
                assertTrue(feed.length < 512 * 1024, path + " is " + feed.length + " bytes");
                assertEquals(20, Xml.rome(feed).getEntries().size());
                assertTrue(new String(feed, java.nio.charset.StandardCharsets.UTF_8).contains("تابع القراءة"));
            }
        }
    }
}
