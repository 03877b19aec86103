package org.patchbay.testkit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One request as {@link FakeAppServer} received it.
 *
 * @param path    the path as sent, still percent-encoded ({@code /men%C3%BC})
 * @param query   the raw query string as sent (still percent-encoded), or null when there was none
 * @param headers by name, case-insensitively
 * @param params  the decoded form fields of a form-encoded body, otherwise the decoded query
 *                parameters; in the order they were sent (a repeated name keeps its first value)
 * @param body    the raw body, decoded as UTF-8
 */
public record RecordedRequest(String method, String path, String query, Map<String, List<String>> headers,
                              Map<String, String> params, String body, Instant receivedAt) {

    /** The first value of a header, or null. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public String param(String name) {
        return params.get(name);
    }

    /** Path and query as they appeared on the request line: what a signature validator needs. */
    public String uri() {
        return query == null ? path : path + "?" + query;
    }
}
