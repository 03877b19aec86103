package org.patchbay.core.media;

/**
 * What an HTTP server answered to a GET of {@code <Play>} media: 200 with the body, or 304 (not
 * modified, no body) to a conditional request. The caching headers decide how long it stays fresh.
 *
 * @param contentType  null when the server sent none
 * @param cacheControl the Cache-Control header, or null; likewise the others
 */
public record MediaDownload(int status, String contentType, byte[] body, String cacheControl, String expires,
                            String etag, String lastModified) {

    public boolean notModified() {
        return status == 304;
    }
}
