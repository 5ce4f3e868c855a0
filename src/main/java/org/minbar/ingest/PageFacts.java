package org.minbar.ingest;

import java.util.ArrayList;
import java.util.List;
import org.minbar.model.TermDraft;

/** What one source in an HTML page (JSON-LD, meta tags, theme markup) says about the article, as found (null when it says nothing). */
final class PageFacts {

    /** An author as the page names them; bio and url may be null. */
    record Author(String name, String bio, String url) {}

    /** A link to another story: its headline and absolute address. */
    record Link(String title, String url) {}

    String title;
    String url;
    String summary;
    String image;
    String published;
    String updated;
    String language;
    String guid;
    /** Plain text of the article, for when no element of the page holds it. */
    String bodyText;
    final List<Author> authors = new ArrayList<>();
    final List<TermDraft> categories = new ArrayList<>();
    final List<TermDraft> tags = new ArrayList<>();
    final List<Link> related = new ArrayList<>();
}
