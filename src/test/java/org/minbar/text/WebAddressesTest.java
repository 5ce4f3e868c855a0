package org.minbar.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

// Covers WebAddresses.toUri: IRIs to ASCII URIs (percent-encoding, punycode) and the addresses it refuses.
class WebAddressesTest {

    @Test
    void arabicPathQueryAndFragmentArePercentEncodedAsUtf8() {
        assertEquals("https://example.com/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1/%D8%B3%D9%88%D8%B1%D9%8A%D8%A7"
                        + "?q=%D8%A5%D8%AF%D9%84%D8%A8#%D9%82%D8%B3%D9%85",
                WebAddresses.toUri("https://example.com/أخبار/سوريا?q=إدلب#قسم"));
    }

    @Test
    void existingPercentEscapesAreKeptNotDoubleEncoded() {
        assertEquals("https://example.com/a%20b/%D8%B3", WebAddresses.toUri("https://example.com/a%20b/%D8%B3"));
    }

    @Test
    void spacesAndUnsafeAsciiArePercentEncoded() {
        assertEquals("https://example.com/a%20b%7Cc%22d", WebAddresses.toUri("https://example.com/a b|c\"d"));
    }

    @Test
    void internationalizedHostBecomesPunycode() {
        assertEquals("https://xn--mgbh0fb.xn--kgbechtv/a", WebAddresses.toUri("https://مثال.إختبار/a"));
    }

    @Test
    void schemeAndHostAreLowercasedAndPortIsKept() {
        assertEquals("https://example.com:8443/Path", WebAddresses.toUri("HTTPS://Example.COM:8443/Path"));
    }

    @Test
    void surroundingWhiteSpaceIsIgnored() {
        assertEquals("http://example.com", WebAddresses.toUri("  http://example.com \n"));
    }

    @Test
    void rejectsJavascriptAddresses() {
        assertRejected("javascript:alert(1)", "must be an absolute http or https URL");
    }

    @Test
    void rejectsOtherSchemes() {
        assertRejected("ftp://example.com/file", "must be an absolute http or https URL");
        assertRejected("mailto:editor@example.com", "must be an absolute http or https URL");
    }

    @Test
    void rejectsRelativeAddresses() {
        assertRejected("/2020/01/30/idlib/", "must be an absolute http or https URL");
        assertRejected("//example.com/a", "must be an absolute http or https URL");
    }

    @Test
    void rejectsEmptyAndBlankAddresses() {
        assertRejected("", "must not be empty");
        assertRejected(" \t ", "must not be empty");
    }

    @Test
    void rejectsUserNameAndPassword() {
        assertRejected("https://user:pass@example.com/", "must not carry a user name or password");
    }

    @Test
    void rejectsAddressWithoutHost() {
        assertRejected("https:///path", "must name a host");
    }

    @Test
    void rejectsAddressesLongerThanTheLimitAfterEncoding() {
        String prefix = "https://example.com/";
        assertEquals(WebAddresses.MAX_LENGTH, WebAddresses.toUri(prefix + "a".repeat(WebAddresses.MAX_LENGTH - prefix.length())).length());
        assertRejected(prefix + "a".repeat(WebAddresses.MAX_LENGTH - prefix.length() + 1), "must be at most 2048 characters");
        // 400 Arabic letters are 400 characters as an IRI but 2,400 once percent-encoded.
        assertRejected(prefix + "س".repeat(400), "must be at most 2048 characters");
    }

    private static void assertRejected(String address, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WebAddresses.toUri(address));
        assertEquals(message, e.getMessage());
    }
}
