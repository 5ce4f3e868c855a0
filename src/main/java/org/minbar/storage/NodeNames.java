package org.minbar.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A node's lasting name, kept in its storage folder beside its search index: made once, at the
 * node's first start on a shared store, so a restarted node resumes the change log where its own
 * index left it, and a node given a fresh folder is a new node.
 */
public final class NodeNames {

    public static final String FILE_NAME = "node-name";

    private NodeNames() {}

    public static String of(Path storage) {
        Path file = storage.resolve(FILE_NAME);
        try {
            if (Files.isRegularFile(file)) {
                String name = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (!name.isEmpty()) {
                    return name;
                }
            }
            byte[] random = new byte[6];
            new SecureRandom().nextBytes(random);
            String name = "node-" + HexFormat.of().formatHex(random);
            Files.createDirectories(storage);
            Path partial = storage.resolve(FILE_NAME + ".partial");
            Files.writeString(partial, name + "\n", StandardCharsets.UTF_8);
            Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return name;
        } catch (IOException e) {
            throw new StorageException("cannot read or write this node's name in " + file + ": " + e.getMessage(), e);
        }
    }
}
