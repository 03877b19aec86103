package org.patchbay.core.instructions;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class CallCookiesTest {
    private final CallCookies jar = new CallCookies();

    @Test
    void hostOnlyCookiesGoBackToTheSameHostUnderTheDefaultPath() {
        jar.store("http://app.example.com/ivr/voice", List.of("a=1"));
        assertEquals("a=1", jar.header("http://app.example.com/ivr/menu?x=1"));
        assertNull(jar.header("http://app.example.com/other"));
        assertNull(jar.header("http://sub.app.example.com/ivr/menu"));
    }

    @Test
    void domainCookiesCoverSubdomainsButNotOtherSites() {
        jar.store("http://www.example.com/", List.of("d=2; Domain=.example.com; Path=/"));
        assertEquals("d=2", jar.header("http://api.example.com/x"));
        assertNull(jar.header("http://example.org/x"));
    }

    @Test
    void aDomainTheServerDoesNotBelongToIsRefused() {
        jar.store("http://evil.example.net/", List.of("x=1; Domain=example.com"));
        assertNull(jar.header("http://example.com/"));
    }

    @Test
    void pathMatchingFollowsSegmentBoundaries() {
        jar.store("http://h.example/", List.of("p=1; Path=/app"));
        assertEquals("p=1", jar.header("http://h.example/app"));
        assertEquals("p=1", jar.header("http://h.example/app/menu"));
        assertNull(jar.header("http://h.example/application"));
    }

    @Test
    void secureCookiesOnlyOverHttpsAndReplacementAndDeletion() {
        jar.store("https://h.example/", List.of("s=1; Secure; Path=/", "n=1; Path=/"));
        assertEquals("n=1", jar.header("http://h.example/"));
        assertEquals("s=1; n=1", jar.header("https://h.example/"));
        jar.store("https://h.example/", List.of("n=2; Path=/"));
        assertEquals("s=1; n=2", jar.header("https://h.example/"));
        jar.store("https://h.example/", List.of("s=gone; Path=/; Max-Age=0"));
        assertEquals("n=2", jar.header("https://h.example/"));
    }
}
