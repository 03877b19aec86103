package org.patchbay.core.media;

import java.nio.file.Path;

/** {@code <Play>} media converted for Asterisk: {@code <id>.wav}, named by a keyed HMAC of the URL and the content ({@link MediaIds}), so it never changes under its name. */
public record CachedMedia(String id, Path file, long bytes) {
}
