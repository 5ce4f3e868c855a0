package org.minbar.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HtmlErrorsTest {

    @Test
    void browsersPreferHtml() {
        assertTrue(HtmlErrors.prefersHtml("text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8"));
        assertTrue(HtmlErrors.prefersHtml("application/xhtml+xml"));
        assertFalse(HtmlErrors.prefersJson("text/html,*/*;q=0.8"));
    }

    @Test
    void anythingIsNoPreferenceAndJsonAboveHtmlIsJson() {
        assertFalse(HtmlErrors.prefersHtml("*/*"));
        assertFalse(HtmlErrors.prefersHtml(null));
        assertFalse(HtmlErrors.prefersJson("*/*"));
        assertFalse(HtmlErrors.prefersHtml("application/json, text/html;q=0.5"));
        assertTrue(HtmlErrors.prefersJson("application/json, text/html;q=0.5"));
        assertTrue(HtmlErrors.prefersJson("application/problem+json"));
        assertFalse(HtmlErrors.prefersHtml("text/html;q=0"));
        assertFalse(HtmlErrors.prefersHtml("text/html;q=oops"));
    }
}
