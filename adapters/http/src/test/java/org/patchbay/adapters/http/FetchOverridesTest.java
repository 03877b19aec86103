package org.patchbay.adapters.http;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FetchOverridesTest {
    private final FetchOverrides overrides = new FetchOverrides(FetchPolicy.TWILIO_DEFAULTS);

    @Test
    void twilioDefaultsTryAFailedConnectOnceMore() {
        FetchPolicy defaults = FetchPolicy.TWILIO_DEFAULTS;

        assertEquals(5_000, defaults.connectTimeoutMs());
        assertEquals(15_000, defaults.readTimeoutMs());
        assertEquals(15_000, defaults.totalTimeoutMs());
        assertEquals(1, defaults.retryCount());
        assertTrue(defaults.retriesOn(RetryOn.CONNECT));
        assertFalse(defaults.retriesOn(RetryOn.SERVER_ERROR));
        assertFalse(defaults.retriesOn(RetryOn.READ));
    }

    @Test
    void urlsWithoutOverridesGetTheDefaults() {
        assertSame(FetchPolicy.TWILIO_DEFAULTS, overrides.policyFor("https://a.example/voice"));
        assertSame(FetchPolicy.TWILIO_DEFAULTS, overrides.policyFor("https://a.example/voice#top"));
        assertSame(FetchPolicy.TWILIO_DEFAULTS, overrides.policyFor("https://a.example/voice#"));
    }

    @Test
    void readsEveryOverride() {
        FetchPolicy policy = overrides.policyFor("https://a.example/voice?x=1#ct=1000&rt=2000&tt=3000&rc=3&rp=4xx,5xx");

        assertEquals(new FetchPolicy(1000, 2000, 3000, 3, Set.of(RetryOn.CLIENT_ERROR, RetryOn.SERVER_ERROR)), policy);
    }

    @Test
    void allMeansEveryFailure() {
        assertEquals(Set.of(RetryOn.values()), overrides.policyFor("https://a.example/#rp=all").retryOn());
        assertEquals(Set.of(RetryOn.CONNECT, RetryOn.READ), overrides.policyFor("https://a.example/#rp=ct,rt").retryOn());
    }

    @Test
    void keepsTheDefaultsItDoesNotOverride() {
        FetchPolicy policy = overrides.policyFor("https://a.example/#tt=300");

        assertEquals(new FetchPolicy(5_000, 15_000, 300, 1, Set.of(RetryOn.CONNECT)), policy);
    }

    @Test
    void ignoresBadValuesAndKeepsTheGoodOnes() {
        FetchPolicy policy = overrides.policyFor(
                "https://a.example/#ct=abc&rt=99999&tt=-5&rc=6&rp=bogus&sni=y&edge=ashburn&tt=&rc=2");

        assertEquals(new FetchPolicy(5_000, 15_000, 15_000, 2, Set.of(RetryOn.CONNECT)), policy);
    }

    @Test
    void ignoresOnlyTheUnknownRetryPolicyTokens() {
        assertEquals(Set.of(RetryOn.SERVER_ERROR), overrides.policyFor("https://a.example/#rp=5xx,6xx").retryOn());
    }

    @Test
    void acceptsTwilioRangeBounds() {
        FetchPolicy low = overrides.policyFor("https://a.example/#ct=100&rt=100&tt=100&rc=0");
        FetchPolicy high = overrides.policyFor("https://a.example/#ct=10000&rt=15000&tt=15000&rc=5");

        assertEquals(new FetchPolicy(100, 100, 100, 0, Set.of(RetryOn.CONNECT)), low);
        assertFalse(low.retriesOn(RetryOn.CONNECT));
        assertEquals(new FetchPolicy(10_000, 15_000, 15_000, 5, Set.of(RetryOn.CONNECT)), high);
    }
}
