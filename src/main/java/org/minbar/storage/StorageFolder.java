package org.minbar.storage;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether the storage folder can hold the store, checked before anything is created in it, so a
 * wrong --storage is told in one line rather than failing half-way through creating files.
 */
public final class StorageFolder {

    private StorageFolder() {}

    /** @throws StorageException saying what is wrong with the folder */
    public static void requireUsable(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        if (Files.exists(absolute)) {
            if (!Files.isDirectory(absolute)) {
                throw new StorageException("the storage folder " + folder + " is a file, not a folder; give --storage a folder");
            }
            if (!Files.isWritable(absolute)) {
                throw new StorageException("the storage folder " + folder + " cannot be written by this user; fix its permissions"
                        + " or give --storage another folder");
            }
            return;
        }
        Path ancestor = absolute.getParent();
        while (ancestor != null && !Files.exists(ancestor)) {
            ancestor = ancestor.getParent();
        }
        if (ancestor == null || !Files.isDirectory(ancestor)) {
            throw new StorageException("the storage folder " + folder + " cannot be created: " + ancestor + " is a file, not a folder");
        }
        if (!Files.isWritable(ancestor)) {
            throw new StorageException("the storage folder " + folder + " cannot be created: " + ancestor
                    + " cannot be written by this user");
        }
    }
}
