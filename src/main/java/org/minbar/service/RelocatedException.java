package org.minbar.service;

/** An address that names something whose own address is another: answered with a 301 to {@link #location}. */
public final class RelocatedException extends RuntimeException {

    private final String location;

    public RelocatedException(String location) {
        super("moved to " + location);
        this.location = location;
    }

    /** The absolute address it lives at. */
    public String location() {
        return location;
    }
}
