package org.minbar.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.minbar.related.RelatedReason;

class RelatedReasonsTest {

    private final RelatedReasons reasons = new RelatedReasons();

    @Test
    void aStoredReasonReadsBackAsWritten() {
        RelatedReason reason = new RelatedReason(0.41, 0.43, 0.31, 0.08, 0.04, -0.6, 0.95, 0,
                List.of(new RelatedReason.Match("phrase", "مستشفى الرحمة", 0.05, true)), List.of("الفاشر"), List.of("السودان"));
        assertEquals(reason, reasons.read(reasons.write(reason)));
    }

    /** A list kept from before reasons were stored, or one a later version wrote in another shape, is shown without one. */
    @Test
    void aMissingOrUnreadableReasonIsNoneRatherThanAnError() {
        assertNull(reasons.read(null));
        assertNull(reasons.read("{not json"));
        assertNull(reasons.read("[1, 2]"));
    }
}
