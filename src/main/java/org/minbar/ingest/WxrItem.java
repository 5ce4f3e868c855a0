package org.minbar.ingest;

import org.minbar.model.ArticleDraft;

/** What one {@code <item>} of a WordPress export became: a draft to store, a skip with its reason, or a failure. */
public sealed interface WxrItem {

    /** The line of the {@code <item>} start tag, for reports. */
    int line();

    /** A published post, validated and sanitized like any submission. */
    record Post(int line, ArticleDraft draft) implements WxrItem {}

    /** Not a published post: the reason is its post type (page, attachment, …) or its status (draft, private, …). */
    record Skipped(int line, String title, String reason) implements WxrItem {}

    /** A published post that breaks a rule; {@code title} and {@code guid} are as the export gave them, possibly empty. */
    record Failed(int line, String title, String guid, InvalidArticleException problems) implements WxrItem {}
}
