package org.patchbay.core.media;

import java.nio.file.Path;

/** {@code <Play>} media converted for Asterisk: {@code <id>.wav}, named after the URL and the content, so it never changes. */
public record CachedMedia(String id, Path file, long bytes) {
}
