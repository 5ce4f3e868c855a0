package org.minbar.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;

/**
 * A feed document rendered once and served until something changes. It owns its bytes and what
 * follows from them, made here once: the gzip form, the strong ETag (from the bytes), and the
 * links its responses carry as headers (its canonical address and its WebSub hubs).
 */
public final class RenderedFeed {

    private final String mediaType;
    private final byte[] body;
    private final byte[] gzipped;
    private final String etag;
    private final Instant lastModified;
    private final String self;
    private final List<String> hubs;
    private final List<String> surrogateKeys;

    private RenderedFeed(String mediaType, byte[] body, byte[] gzipped, String etag, Instant lastModified, String self,
                         List<String> hubs, List<String> surrogateKeys) {
        this.mediaType = mediaType;
        this.body = body;
        this.gzipped = gzipped;
        this.etag = etag;
        this.lastModified = lastModified;
        this.self = self;
        this.hubs = List.copyOf(hubs);
        this.surrogateKeys = List.copyOf(surrogateKeys);
    }

    /**
     * A document of these bytes, whose Last-Modified is {@code lastModifiedOf} its ETag (a stored
     * Last-Modified only moves when the bytes, and so the ETag, do).
     */
    public static RenderedFeed of(String mediaType, byte[] body, Function<String, Instant> lastModifiedOf, String self,
                                  List<String> hubs, List<String> surrogateKeys) {
        String etag = etagOf(body);
        return new RenderedFeed(mediaType, body, gzip(body), etag, lastModifiedOf.apply(etag), self, hubs, surrogateKeys);
    }

    /** A document of these bytes, last modified then. */
    public static RenderedFeed of(String mediaType, byte[] body, Instant lastModified, String self, List<String> hubs,
                                  List<String> surrogateKeys) {
        return of(mediaType, body, etag -> lastModified, self, hubs, surrogateKeys);
    }

    /**
     * RFC 3229 (A-IM: feed): the bytes of a delta, sent under the ETag and Last-Modified of the
     * instance they bring the client to, {@code current}.
     */
    public static RenderedFeed delta(byte[] body, RenderedFeed current) {
        return new RenderedFeed(current.mediaType, body, gzip(body), current.etag, current.lastModified, current.self,
                current.hubs, current.surrogateKeys);
    }

    public String mediaType() {
        return mediaType;
    }

    public byte[] body() {
        return body;
    }

    public byte[] gzipped() {
        return gzipped;
    }

    public String etag() {
        return etag;
    }

    public Instant lastModified() {
        return lastModified;
    }

    public String self() {
        return self;
    }

    public List<String> hubs() {
        return hubs;
    }

    /** The names a shared cache files this document under ({@link org.minbar.model.SurrogateKeys}). */
    public List<String> surrogateKeys() {
        return surrogateKeys;
    }

    /** WebSub's Link headers (§4, and §7 on a delivery): each hub, then the document's own address. */
    public List<String> linkHeaders() {
        List<String> headers = new ArrayList<>();
        hubs.forEach(hub -> headers.add("<" + hub + ">; rel=\"hub\""));
        headers.add("<" + self + ">; rel=\"self\"");
        return headers;
    }

    /** The strong ETag of these bytes: 27 characters of their SHA-256, quoted. */
    static String etagOf(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(body);
        } catch (IOException e) {
            throw new IllegalStateException("compressing in memory cannot fail", e);
        }
        return out.toByteArray();
    }
}
