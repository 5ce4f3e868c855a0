package org.minbar.service;

import java.util.List;

/** An HTML page to serve, and the keys a shared cache files it under ({@link org.minbar.model.SurrogateKeys}). */
public record ServedPage(String html, List<String> surrogateKeys) {

    public ServedPage {
        surrogateKeys = List.copyOf(surrogateKeys);
    }
}
