package org.minbar.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

// Covers ImageTypes.of: an image's media type from the extension of its address's path.
class ImageTypesTest {

    @Test
    void knowsTheCommonImageExtensionsInAnyCase() {
        assertEquals(Optional.of("image/jpeg"), ImageTypes.of("https://img.example/a/idlib.jpg"));
        assertEquals(Optional.of("image/jpeg"), ImageTypes.of("https://img.example/idlib.JPEG"));
        assertEquals(Optional.of("image/png"), ImageTypes.of("https://img.example/map.png"));
        assertEquals(Optional.of("image/gif"), ImageTypes.of("https://img.example/map.Gif"));
        assertEquals(Optional.of("image/webp"), ImageTypes.of("https://img.example/map.webp"));
        assertEquals(Optional.of("image/avif"), ImageTypes.of("https://img.example/map.avif"));
        assertEquals(Optional.of("image/svg+xml"), ImageTypes.of("https://img.example/logo.svg"));
    }

    @Test
    void readsThePathOnlyNotTheQueryOrFragment() {
        assertEquals(Optional.of("image/jpeg"), ImageTypes.of("https://img.example/photo.jpg?w=800&format=png#top"));
        assertEquals(Optional.empty(), ImageTypes.of("https://img.example/resize?src=photo.jpg"));
    }

    @Test
    void readsAPercentEncodedArabicName() {
        // What the readers store for https://img.example/صور/إدلب.webp.
        assertEquals(Optional.of("image/webp"),
                ImageTypes.of("https://img.example/%D8%B5%D9%88%D8%B1/%D8%A5%D8%AF%D9%84%D8%A8.webp"));
    }

    @Test
    void anyOtherExtensionOrNoneHasNoType() {
        assertEquals(Optional.empty(), ImageTypes.of("https://img.example/photo.php"));
        assertEquals(Optional.empty(), ImageTypes.of("https://img.example/photo"));
        assertEquals(Optional.empty(), ImageTypes.of("https://img.example/photos.jpg/"));
        assertEquals(Optional.empty(), ImageTypes.of("https://img.example.jpg"));
        assertEquals(Optional.empty(), ImageTypes.of("https://img.example/photo.tiff"));
    }
}
