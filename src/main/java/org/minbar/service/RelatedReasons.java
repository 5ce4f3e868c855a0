package org.minbar.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import org.minbar.related.RelatedReason;

/** A related story's reason as stored beside it (JSON), and read back for the API. */
final class RelatedReasons {

    private final ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    String write(RelatedReason reason) {
        try {
            return json.writeValueAsString(reason);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a related story's reason could not be written as JSON", e);
        }
    }

    /** The stored reason, or null when none was recorded (a list computed before reasons were kept) or it cannot be read. */
    RelatedReason read(String stored) {
        if (stored == null) {
            return null;
        }
        try {
            return json.readValue(stored, RelatedReason.class);
        } catch (JsonProcessingException e) {
            return null; // written by another version: shown without its reason until the list is computed again
        }
    }
}
