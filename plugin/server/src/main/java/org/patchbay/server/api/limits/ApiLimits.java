package org.patchbay.server.api.limits;

import org.patchbay.server.api.http.Endpoint;

import java.util.List;

/** What the API takes from the limits: its concurrency step and the Limits routes. */
public record ApiLimits(ApiConcurrency concurrency, List<Endpoint> routes) {
    public static final ApiLimits NONE = new ApiLimits(ApiConcurrency.unlimited(), List.of());

    public ApiLimits {
        routes = List.copyOf(routes);
    }
}
