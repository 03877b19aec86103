package org.patchbay.core.media;

import io.vertx.core.Future;

/** Downloads {@code <Play>} media. Fails with {@link MediaFailure}; any answer other than 2xx or 304 is 11200. */
public interface MediaSource {

    /** A GET of {@code url}; with an ETag or Last-Modified (either may be null) it is a conditional one. */
    Future<MediaDownload> get(String url, String etag, String lastModified);
}
