package org.minbar.storage;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the store readable by its owner only: the storage folder 0700 and the database 0600, so
 * no other local user reads the articles or the WebSub subscribers' secrets. SQLite gives its
 * -wal and -shm files the database file's mode, and the search index lives inside the folder.
 * On a file system without POSIX permissions nothing is changed.
 */
final class PrivateFiles {

    private static final Logger LOG = LoggerFactory.getLogger(PrivateFiles.class);

    static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {}

    /** Creates the folder if need be, and makes it and the files of the store in it private. */
    static void secure(Path folder, String... files) throws IOException {
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder);
        }
        try {
            restrict(folder, FOLDER);
        } catch (IOException e) { // a folder someone else owns: the files in it are still made private
            LOG.warn("cannot make the storage folder {} private (0700): {}", folder, e.toString());
        }
        for (String name : files) {
            Path file = folder.resolve(name);
            if (Files.exists(file)) {
                restrict(file, FILE);
            } else if (!name.endsWith("-wal") && !name.endsWith("-shm")) {
                try {
                    Files.createFile(file); // before SQLite creates it with its default 0644; a new file is empty
                } catch (FileAlreadyExistsException e) {
                    // created meanwhile: tightened below all the same
                }
                restrict(file, FILE);
            }
        }
    }

    private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        try {
            if (!Files.getPosixFilePermissions(path).equals(permissions)) {
                Files.setPosixFilePermissions(path, permissions);
            }
        } catch (UnsupportedOperationException e) {
            // no POSIX permissions here (another file system): nothing to tighten
        }
    }
}
