package org.patchbay.server.api.http;

import io.vertx.core.http.HttpMethod;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the endpoint for a raw request path. A template's {@code .json} suffix may be left out, as
 * Twilio allows, unless another template names the bare path itself (a recording's bare URI is its
 * audio): exact matches are tried first. Path parameters match a segment without dots or slashes
 * (under {@code /v1/}, where event type names are parameters, without slashes), so they are never
 * percent-decoded and a malformed escape simply matches no SID.
 */
public final class EndpointMatcher {
    private static final Pattern PARAM = Pattern.compile("\\{([A-Za-z]+)}");
    private static final String JSON = ".json";
    /** v1 paths have no {@code .json} suffix and their parameters may hold dots (event type names). */
    private static final String V1 = "/v1/";

    /** The endpoint found, or the methods the path allows (empty when the path is unknown). */
    public record Match(Endpoint endpoint, Map<String, String> params, Set<HttpMethod> allowed) {
        public boolean found() {
            return endpoint != null;
        }
    }

    private record Group(String template, Pattern exact, Pattern lenient, List<String> names, Map<HttpMethod, Endpoint> byMethod) {
    }

    private final List<Group> groups = new ArrayList<>();

    public EndpointMatcher(List<Endpoint> endpoints) {
        Map<String, Map<HttpMethod, Endpoint>> byTemplate = new LinkedHashMap<>();
        for (Endpoint endpoint : endpoints) {
            Endpoint previous = byTemplate.computeIfAbsent(endpoint.template(), t -> new LinkedHashMap<>())
                    .put(endpoint.method(), endpoint);
            if (previous != null) {
                throw new IllegalArgumentException("two endpoints for " + endpoint.method() + " " + endpoint.template());
            }
        }
        byTemplate.forEach((template, methods) -> groups.add(compile(template, methods)));
    }

    public Match match(HttpMethod method, String path) {
        Match exact = find(method, path, false);
        return exact != null ? exact : orNotFound(find(method, path, true));
    }

    private Match find(HttpMethod method, String path, boolean lenient) {
        for (Group group : groups) {
            Pattern pattern = lenient ? group.lenient() : group.exact();
            Matcher m = pattern == null ? null : pattern.matcher(path);
            if (m != null && m.matches()) {
                Map<String, String> params = new HashMap<>();
                group.names().forEach(name -> params.put(name, m.group(name)));
                Endpoint endpoint = group.byMethod().get(method);
                return new Match(endpoint, params, new LinkedHashSet<>(group.byMethod().keySet()));
            }
        }
        return null;
    }

    private static Match orNotFound(Match match) {
        return match != null ? match : new Match(null, Map.of(), Set.of());
    }

    private static Group compile(String template, Map<HttpMethod, Endpoint> methods) {
        List<String> names = new ArrayList<>();
        StringBuilder regex = new StringBuilder();
        Matcher m = PARAM.matcher(template);
        int last = 0;
        String segment = template.startsWith(V1) ? "[^/]+" : "[^/.]+";
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start())));
            regex.append("(?<").append(m.group(1)).append(">").append(segment).append(")");
            names.add(m.group(1));
            last = m.end();
        }
        String tail = template.substring(last);
        Pattern exact = Pattern.compile(regex + Pattern.quote(tail));
        Pattern lenient = tail.endsWith(JSON)
                ? Pattern.compile(regex + Pattern.quote(tail.substring(0, tail.length() - JSON.length())))
                : null;
        return new Group(template, exact, lenient, names, methods);
    }
}
