package org.minbar.text;

/**
 * Turns a display name into a stable, readable slug that keeps Arabic letters: "الدفاع الجوي"
 * becomes "الدفاع-الجوي", an IRI path segment that {@link PathSegments} percent-encodes on the
 * wire. Names that differ only by tashkeel, tatweel or the hamza form of alef share a slug.
 */
public final class Slugs {

    /** Long enough for a headline's first words, short enough for an address bar. */
    public static final int MAX_CODE_POINTS = 80;

    private Slugs() {}

    /** The slug, or an empty string when the name has no letter or digit at all. */
    public static String of(String name) {
        String folded = ArabicText.forSlug(name);
        StringBuilder slug = new StringBuilder(folded.length());
        boolean pendingHyphen = false;
        for (int i = 0; i < folded.length(); ) {
            int cp = folded.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp) || isCombiningMark(cp)) {
                if (pendingHyphen && slug.length() > 0) {
                    slug.append('-');
                }
                pendingHyphen = false;
                slug.appendCodePoint(cp);
            } else {
                pendingHyphen = true;
            }
        }
        return truncate(slug.toString());
    }

    /**
     * The key by which a name or a slug finds its term: the slug with the folds of
     * {@link ArabicText#forMatching} (taa marbuta, alef maqsura, hamza seats) on top, so «دفاع جوي»,
     * «دفاع-جوي» and «دِفاع جَوّي» share one, as do «القوات الجوية» and «القوات-الجويه».
     */
    public static String key(String nameOrSlug) {
        return ArabicText.forMatching(of(nameOrSlug));
    }

    private static boolean isCombiningMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    private static String truncate(String slug) {
        if (slug.codePointCount(0, slug.length()) <= MAX_CODE_POINTS) {
            return slug;
        }
        int end = slug.offsetByCodePoints(0, MAX_CODE_POINTS);
        String cut = slug.substring(0, end);
        if (slug.charAt(end) == '-') {
            return cut; // the cut falls exactly between two words
        }
        int lastHyphen = cut.lastIndexOf('-');
        return lastHyphen > 0 ? cut.substring(0, lastHyphen) : cut;
    }
}
