package org.minbar.ingest;

import java.util.ArrayList;
import java.util.List;

/** The raw text of one {@code <item>}'s fields that matter, as the XML gave them (null when absent). */
final class WxrFields {

    /** One {@code <category domain="…" nicename="…">name</category>}. */
    record Term(String domain, String nicename, String name) {}

    final int line;
    String title;
    String link;
    String guid;
    String creator;
    String content;
    String excerpt;
    String postDate;
    String postDateGmt;
    String modified;
    String modifiedGmt;
    String postName;
    String status;
    String postType;
    String password;
    final List<Term> terms = new ArrayList<>();

    WxrFields(int line) {
        this.line = line;
    }
}
