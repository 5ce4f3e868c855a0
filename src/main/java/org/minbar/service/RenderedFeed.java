package org.minbar.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A feed document rendered once and served until something changes: bytes, gzip bytes, validators,
 * and the links its responses carry as headers (its canonical address and its WebSub hubs).
 */
public record RenderedFeed(String mediaType, byte[] body, byte[] gzipped, String etag, Instant lastModified,
                           String self, List<String> hubs) {
    public RenderedFeed {
        hubs = List.copyOf(hubs);
    }

    /** WebSub's Link headers (§4, and §7 on a delivery): each hub, then the document's own address. */
    public List<String> linkHeaders() {
        List<String> headers = new ArrayList<>();
        hubs.forEach(hub -> headers.add("<" + hub + ">; rel=\"hub\""));
        headers.add("<" + self + ">; rel=\"self\"");
        return headers;
    }
}
