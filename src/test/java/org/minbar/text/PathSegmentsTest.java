package org.minbar.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

// Covers PathSegments: UTF-8 percent-encoding of one segment and of a slash-separated path.
class PathSegmentsTest {

    @Test
    void encodesArabicSlugAsUppercaseUtf8EscapesAndKeepsHyphen() {
        assertEquals("%D8%A7%D9%84%D8%AF%D9%81%D8%A7%D8%B9-%D8%A7%D9%84%D8%AC%D9%88%D9%8A",
                PathSegments.encode("الدفاع-الجوي"));
    }

    @Test
    void leavesOnlyUnreservedCharactersAsTheyAre() {
        assertEquals("AZaz09-._~", PathSegments.encode("AZaz09-._~"));
        assertEquals("a%20b%2Fc%3Fd%23e%25f%2Bg", PathSegments.encode("a b/c?d#e%f+g"));
    }

    @Test
    void encodesCharactersOutsideTheBmpAsFourBytes() {
        assertEquals("%F0%9F%98%80", PathSegments.encode("😀"));
    }

    @Test
    void encodePathKeepsSlashesBetweenEncodedSegments() {
        assertEquals("2020/01/30/%D8%A7%D8%AF%D9%84%D8%A8", PathSegments.encodePath("2020/01/30/ادلب"));
    }

    @Test
    void encodePathKeepsEmptySegments() {
        assertEquals("/a//b/", PathSegments.encodePath("/a//b/"));
    }
}
