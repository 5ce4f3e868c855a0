package org.minbar.websub;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

// Covers Signatures.sha256 against RFC 4231's published HMAC-SHA256 test vector and a UTF-8 secret.
class SignaturesTest {

    @Test
    void matchesRfc4231TestCase2() {
        assertEquals("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                Signatures.sha256("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void anArabicSecretIsKeyedByItsUtf8Bytes() {
        byte[] body = "<feed/>".getBytes(StandardCharsets.UTF_8);
        assertEquals(Signatures.sha256("سر", body), Signatures.sha256(new String("سر".getBytes(StandardCharsets.UTF_8),
                StandardCharsets.UTF_8), body));
        assertEquals(71, Signatures.sha256("سر", body).length(), "sha256= and 64 hex digits");
    }
}
