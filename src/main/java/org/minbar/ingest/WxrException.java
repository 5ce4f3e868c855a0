package org.minbar.ingest;

/**
 * A file cannot be read as a WordPress export at all: it is not well-formed XML, has a DOCTYPE,
 * or is not a WXR document. The message names the line and column where reading stopped.
 */
public final class WxrException extends Exception {

    private final int line;

    WxrException(int line, int column, String message) {
        super("line " + line + ", column " + column + ": " + message);
        this.line = line;
    }

    WxrException(String message, Throwable cause) {
        super(message, cause);
        this.line = 0;
    }

    /** The line where reading stopped, or 0 when the file could not be read at all. */
    public int line() {
        return line;
    }
}
