package org.patchbay.adapters.http;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads Twilio's connection overrides from a URL fragment on top of a base policy. A value out
 * of Twilio's range, or not a number, is ignored with a warning: a typo in a customer's URL must
 * not take the call down. Keys Twilio knows but that mean nothing here ({@code sni}, {@code e},
 * {@code edge}) and plain fragments ({@code #top}) are ignored silently.
 *
 * <p>The same few URLs come back on every call, so each distinct fragment is parsed (and warned
 * about) once and remembered; the memory is bounded.
 */
final class FetchOverrides {
    private static final Logger LOG = LoggerFactory.getLogger(FetchOverrides.class);
    private static final int REMEMBERED_FRAGMENTS = 1024;

    private final FetchPolicy base;
    private final Map<String, FetchPolicy> parsed = new ConcurrentHashMap<>();

    FetchOverrides(FetchPolicy base) {
        this.base = base;
    }

    FetchPolicy base() {
        return base;
    }

    /** The policy for a URL: the base, overridden by the URL's fragment if it has one. */
    FetchPolicy policyFor(String url) {
        String fragment = WireUrls.fragment(url);
        if (fragment == null || fragment.indexOf('=') < 0) {
            return base;
        }
        FetchPolicy known = parsed.get(fragment);
        if (known != null) {
            return known;
        }
        if (parsed.size() >= REMEMBERED_FRAGMENTS) {
            parsed.clear();
        }
        FetchPolicy policy = apply(base, fragment);
        parsed.put(fragment, policy);
        return policy;
    }

    static FetchPolicy apply(FetchPolicy base, String fragment) {
        FetchPolicy policy = base;
        for (String pair : fragment.split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            policy = override(policy, key, value, fragment);
        }
        return policy;
    }

    private static FetchPolicy override(FetchPolicy policy, String key, String value, String fragment) {
        return switch (key) {
            case "ct" -> {
                long ms = number(key, value, 100, 10_000, fragment);
                yield ms < 0 ? policy : policy.withConnectTimeoutMs(ms);
            }
            case "rt" -> {
                long ms = number(key, value, 100, 15_000, fragment);
                yield ms < 0 ? policy : policy.withReadTimeoutMs(ms);
            }
            case "tt" -> {
                long ms = number(key, value, 100, 15_000, fragment);
                yield ms < 0 ? policy : policy.withTotalTimeoutMs(ms);
            }
            case "rc" -> {
                long count = number(key, value, 0, 5, fragment);
                yield count < 0 ? policy : policy.withRetryCount((int) count);
            }
            case "rp" -> {
                Set<RetryOn> failures = retryPolicy(value, fragment);
                yield failures.isEmpty() ? policy : policy.withRetryOn(failures);
            }
            default -> policy;
        };
    }

    /** The value if it is a whole number within [min, max]; otherwise -1, after a warning. */
    private static long number(String key, String value, long min, long max, String fragment) {
        try {
            long number = Long.parseLong(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // warned below, like an out-of-range number
        }
        LOG.warn("Ignoring connection override {}={} in #{}: expected a whole number from {} to {}",
                key, value, fragment, min, max);
        return -1;
    }

    private static Set<RetryOn> retryPolicy(String value, String fragment) {
        Set<RetryOn> failures = EnumSet.noneOf(RetryOn.class);
        for (String token : value.split(",")) {
            String name = token.trim();
            if (name.equals("all")) {
                failures.addAll(EnumSet.allOf(RetryOn.class));
                continue;
            }
            RetryOn failure = byToken(name);
            if (failure == null) {
                LOG.warn("Ignoring retry policy '{}' in #{}: expected 4xx, 5xx, ct, rt or all", name, fragment);
            } else {
                failures.add(failure);
            }
        }
        return failures;
    }

    private static RetryOn byToken(String token) {
        for (RetryOn failure : RetryOn.values()) {
            if (failure.token().equals(token)) {
                return failure;
            }
        }
        return null;
    }
}
