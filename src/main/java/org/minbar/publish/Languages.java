package org.minbar.publish;

import java.util.Locale;
import java.util.Set;

/** Text direction for a language tag. */
final class Languages {

    private static final Set<String> RIGHT_TO_LEFT = Set.of("ar", "fa", "he", "ur", "ps", "sd", "ug", "yi", "ckb", "dv");

    private Languages() {}

    static String direction(String languageTag) {
        String primary = languageTag.split("-", 2)[0].toLowerCase(Locale.ROOT);
        return RIGHT_TO_LEFT.contains(primary) ? "rtl" : "ltr";
    }
}
