package org.patchbay.adapters.ari;

/** Told of every ARI REST request once it has ended: for metrics. Called on the context that issued the request. */
@FunctionalInterface
public interface AriRequestObserver {
    AriRequestObserver NONE = (method, resource, status, nanos) -> { };

    /**
     * @param resource the first path segment under {@code /ari} ({@code channels}, {@code bridges}, …)
     * @param status   the HTTP status, or 0 when Asterisk could not be reached
     */
    void ended(String method, String resource, int status, long nanos);
}
