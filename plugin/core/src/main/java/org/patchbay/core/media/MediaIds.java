package org.patchbay.core.media;

/**
 * Names converted {@code <Play>} media. The name must not be computable from the URL and the
 * content by someone who does not hold the installation's secret: the media route answers to
 * anyone who can reach it, and a computable name would let them confirm which URL a call played.
 */
@FunctionalInterface
public interface MediaIds {

    /** Lower-case hex, 64 characters; the same URL and content give the same id under one key. */
    String idOf(String url, byte[] content);
}
