package org.minbar.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The bearer token publishers write with. A configured token (--token, MINBAR_TOKEN, --token-file) wins;
 * otherwise the one stored in the storage folder, created on first start from 32 random bytes
 * and readable by the owner only.
 */
public final class PublishingToken {

    public static final String FILE_NAME = "publishing-token";
    static final int MIN_LENGTH = 16;

    /** The token, and where it came from, for the start-up message. */
    public record Resolved(String token, String source) {}

    private PublishingToken() {}

    /** The token held in a file given with --token-file: its content, surrounding white space left out. */
    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new ConfigException("--token-file " + file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    public static Resolved resolve(Optional<String> configured, Path storage) {
        if (configured.isPresent()) {
            String token = configured.get().strip();
            if (token.length() < MIN_LENGTH || token.chars().anyMatch(c -> c <= ' ' || c > '~')) {
                throw new ConfigException("the token (--token, MINBAR_TOKEN or --token-file) must be at least " + MIN_LENGTH
                        + " printable ASCII characters without spaces");
            }
            return new Resolved(token, "configured (--token, MINBAR_TOKEN or --token-file)");
        }
        Path file = storage.resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            String token = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (token.length() < MIN_LENGTH) {
                throw new ConfigException(file + ": holds no usable token; delete it to have a new one generated");
            }
            return new Resolved(token, file.toAbsolutePath().toString());
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read or create the publishing token: " + e.getMessage(), e);
        }
    }

    private static void create(Path file) throws IOException {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Files.createDirectories(file.getParent());
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            return; // another process created it first; use theirs
        }
        Files.writeString(file, token + "\n", StandardCharsets.UTF_8);
    }
}
