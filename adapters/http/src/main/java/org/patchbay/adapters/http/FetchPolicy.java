package org.patchbay.adapters.http;

import java.util.Set;

/**
 * How hard to try for one URL: Twilio's connection settings, which a URL may override with a
 * fragment ({@code #ct=1000&rt=3000&tt=6000&rc=2&rp=5xx,ct}, see {@link FetchOverrides}).
 *
 * @param connectTimeoutMs to get a connection ({@code ct})
 * @param readTimeoutMs    of silence once connected ({@code rt})
 * @param totalTimeoutMs   for the whole fetch, every retry and redirect included ({@code tt})
 * @param retryCount       further attempts after the first, 0 to 5 ({@code rc})
 * @param retryOn          which failures those attempts are spent on ({@code rp})
 */
public record FetchPolicy(long connectTimeoutMs, long readTimeoutMs, long totalTimeoutMs, int retryCount,
                          Set<RetryOn> retryOn) {

    /** Twilio's defaults: connect within 5 s, tried twice; 15 s for everything. */
    public static final FetchPolicy TWILIO_DEFAULTS = new FetchPolicy(5_000, 15_000, 15_000, 1, Set.of(RetryOn.CONNECT));

    public FetchPolicy {
        retryOn = Set.copyOf(retryOn);
    }

    public boolean retriesOn(RetryOn failure) {
        return retryCount > 0 && retryOn.contains(failure);
    }

    FetchPolicy withConnectTimeoutMs(long ms) {
        return new FetchPolicy(ms, readTimeoutMs, totalTimeoutMs, retryCount, retryOn);
    }

    FetchPolicy withReadTimeoutMs(long ms) {
        return new FetchPolicy(connectTimeoutMs, ms, totalTimeoutMs, retryCount, retryOn);
    }

    FetchPolicy withTotalTimeoutMs(long ms) {
        return new FetchPolicy(connectTimeoutMs, readTimeoutMs, ms, retryCount, retryOn);
    }

    FetchPolicy withRetryCount(int count) {
        return new FetchPolicy(connectTimeoutMs, readTimeoutMs, totalTimeoutMs, count, retryOn);
    }

    FetchPolicy withRetryOn(Set<RetryOn> failures) {
        return new FetchPolicy(connectTimeoutMs, readTimeoutMs, totalTimeoutMs, retryCount, failures);
    }
}
