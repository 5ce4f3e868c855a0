package org.minbar.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

// Covers PublishingToken.resolve: the generated owner-only token file, its reuse, and validation of a configured token.
class PublishingTokenTest {

    @TempDir
    Path storage;

    @Test
    void generatesAnOwnerOnlyTokenFileOnFirstUse() throws IOException {
        PublishingToken.Resolved resolved = PublishingToken.resolve(Optional.empty(), storage.resolve("new"));

        Path file = storage.resolve("new").resolve(PublishingToken.FILE_NAME);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(resolved.token() + "\n", Files.readString(file, StandardCharsets.UTF_8));
        assertTrue(resolved.token().matches("[A-Za-z0-9_-]{43}"), resolved.token()); // 32 bytes, base64url, no padding
        assertEquals(file.toAbsolutePath().toString(), resolved.source());
    }

    @Test
    void reusesTheStoredTokenOnTheSecondCall() {
        String first = PublishingToken.resolve(Optional.empty(), storage).token();
        String second = PublishingToken.resolve(Optional.empty(), storage).token();
        assertEquals(first, second);
    }

    @Test
    void separateStorageFoldersGetDifferentTokens() {
        assertNotEquals(PublishingToken.resolve(Optional.empty(), storage.resolve("a")).token(),
                PublishingToken.resolve(Optional.empty(), storage.resolve("b")).token());
    }

    @Test
    void configuredTokenWinsAndNoFileIsWritten() {
        PublishingToken.Resolved resolved = PublishingToken.resolve(Optional.of("  s3cret-token-0123456789  "), storage);
        assertEquals(new PublishingToken.Resolved("s3cret-token-0123456789", "configured (--token, MINBAR_TOKEN or --token-file)"), resolved);
        assertTrue(Files.notExists(storage.resolve(PublishingToken.FILE_NAME)));
    }

    @Test
    void configuredTokenShorterThanSixteenCharactersIsRejected() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> PublishingToken.resolve(Optional.of("123456789012345"), storage));
        assertEquals("the token (--token, MINBAR_TOKEN or --token-file) must be at least 16 printable ASCII characters without spaces", e.getMessage());
        assertEquals("1234567890123456", PublishingToken.resolve(Optional.of("1234567890123456"), storage).token());
    }

    @Test
    void configuredTokenWithSpacesOrNonAsciiIsRejected() {
        assertThrows(ConfigException.class, () -> PublishingToken.resolve(Optional.of("0123456789 abcdef"), storage));
        assertThrows(ConfigException.class, () -> PublishingToken.resolve(Optional.of("رمز-سري-طويل-جدا-جدا"), storage));
    }

    @Test
    void aTokenFileIsReadWithoutItsSurroundingWhiteSpace() throws IOException {
        Path file = storage.resolve("token.txt");
        Files.writeString(file, "  s3cret-token-from-a-file\n");
        assertEquals("s3cret-token-from-a-file", PublishingToken.read(file));
        ConfigException missing = assertThrows(ConfigException.class, () -> PublishingToken.read(storage.resolve("none.txt")));
        assertTrue(missing.getMessage().startsWith("--token-file " + storage.resolve("none.txt") + ": cannot be read"), missing.getMessage());
    }

    @Test
    void storedFileWithoutUsableTokenIsRejectedWithItsPath() throws IOException {
        Path file = storage.resolve(PublishingToken.FILE_NAME);
        Files.writeString(file, "short\n");
        ConfigException e = assertThrows(ConfigException.class, () -> PublishingToken.resolve(Optional.empty(), storage));
        assertEquals(file + ": holds no usable token; delete it to have a new one generated", e.getMessage());
    }
}
