package org.minbar.model;

import java.util.Optional;

/**
 * A related story the publisher named: by address, or by the guid of another article we hold,
 * in which case the link is resolved to that article's address when a feed is built.
 */
public record RelatedReference(String title, Optional<String> url, Optional<String> guid) {}
