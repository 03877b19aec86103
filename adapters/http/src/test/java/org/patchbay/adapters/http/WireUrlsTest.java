package org.patchbay.adapters.http;

import org.patchbay.core.instructions.RelativeUrls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UrlsTest {
    private static final String BASE = "https://app.example.com:8443/ivr/menu/main.xml?lang=en";

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "http://other.example/x.xml       | http://other.example/x.xml",
            "//cdn.example/hold.xml           | https://cdn.example/hold.xml",
            "/voice                           | https://app.example.com:8443/voice",
            "next.xml                         | https://app.example.com:8443/ivr/menu/next.xml",
            "./next.xml                       | https://app.example.com:8443/ivr/menu/next.xml",
            "../sales/start                   | https://app.example.com:8443/ivr/sales/start",
            "../../../../top                  | https://app.example.com:8443/top",
            "a/./b/../c?x=1                   | https://app.example.com:8443/ivr/menu/a/c?x=1",
            "?lang=fr                         | https://app.example.com:8443/ivr/menu/main.xml?lang=fr",
            "next.xml#rc=2&ct=1000            | https://app.example.com:8443/ivr/menu/next.xml#rc=2&ct=1000",
            "#tt=300                          | https://app.example.com:8443/ivr/menu/main.xml?lang=en#tt=300",
            "'  /padded  '                    | https://app.example.com:8443/padded",
    })
    void resolvesLikeRfc3986(String relative, String expected) {
        assertEquals(expected, RelativeUrls.resolve(BASE, relative));
    }

    @Test
    void resolvesAgainstABaseWithoutPath() {
        assertEquals("http://app.example/next", RelativeUrls.resolve("http://app.example", "next"));
        assertEquals("http://app.example?x=1", RelativeUrls.resolve("http://app.example", "?x=1"));
    }

    @Test
    void resolvesTheRfc3986Examples() {
        String base = "http://a/b/c/d;p?q";
        assertEquals("g:h", RelativeUrls.resolve(base, "g:h"));
        assertEquals("http://a/b/c/g/", RelativeUrls.resolve(base, "g/"));
        assertEquals("http://g", RelativeUrls.resolve(base, "//g"));
        assertEquals("http://a/b/c/d;p?y", RelativeUrls.resolve(base, "?y"));
        assertEquals("http://a/b/c/g?y#s", RelativeUrls.resolve(base, "g?y#s"));
        assertEquals("http://a/b/c/d;p?q", RelativeUrls.resolve(base, ""));
        assertEquals("http://a/b/c/", RelativeUrls.resolve(base, "."));
        assertEquals("http://a/b/", RelativeUrls.resolve(base, ".."));
        assertEquals("http://a/g", RelativeUrls.resolve(base, "../../../g"));
        assertEquals("http://a/g", RelativeUrls.resolve(base, "/./g"));
        assertEquals("http://a/b/c/g..", RelativeUrls.resolve(base, "g.."));
        assertEquals("http://a/b/c/y", RelativeUrls.resolve(base, "g/../y"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://example.com", "https://example.com/x", "HTTP://Example.com:8080/a?b=c#rc=1",
            "http://127.0.0.1:1/", "http://[::1]:8080/voice", "http://user@host/x"})
    void acceptsAbsoluteHttpUrls(String url) {
        assertTrue(RelativeUrls.isHttpUrl(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "voice.xml", "/voice", "//example.com/x", "ftp://example.com/x", "mailto:a@b.c",
            "http://", "http:///path", "http://host:99999/", "http://host:0/", "http://host:80x/", "not a url"})
    void rejectsEverythingElse(String url) {
        assertFalse(RelativeUrls.isHttpUrl(url));
    }

    @Test
    void rejectsNull() {
        assertFalse(RelativeUrls.isHttpUrl(null));
    }

    @Test
    void splitsOffTheFragment() {
        assertEquals("http://a/b?c=1", WireUrls.withoutFragment("http://a/b?c=1#ct=100&rt=200"));
        assertEquals("ct=100&rt=200", WireUrls.fragment("http://a/b?c=1#ct=100&rt=200"));
        assertNull(WireUrls.fragment("http://a/b"));
        assertEquals("", WireUrls.fragment("http://a/b#"));
    }

    @Test
    void appendsParametersToTheQueryItHas() {
        assertEquals("http://a/b?x=1", WireUrls.withQuery("http://a/b", "x=1"));
        assertEquals("http://a/b?y=2&x=1", WireUrls.withQuery("http://a/b?y=2", "x=1"));
        assertEquals("http://a/b?x=1", WireUrls.withQuery("http://a/b?", "x=1"));
        assertEquals("http://a/b?y=2&x=1", WireUrls.withQuery("http://a/b?y=2&", "x=1"));
        assertEquals("http://a/b?y=2", WireUrls.withQuery("http://a/b?y=2", ""));
    }

    @Test
    void givesTheFormThatGoesOnTheWire() {
        assertEquals("http://a.example/", WireUrls.forRequest("http://a.example"));
        assertEquals("http://a.example/?q=1", WireUrls.forRequest("http://a.example?q=1#rc=2"));
        assertEquals("http://a.example/caf%C3%A9?name=Zo%C3%AB%20X", WireUrls.forRequest("http://a.example/café?name=Zoë X"));
        assertEquals("http://a.example/x?emoji=%F0%9F%93%9E&q=%7Bid%7D", WireUrls.forRequest("http://a.example/x?emoji=📞&q={id}"));
        assertEquals("http://a.example/already%20encoded?a=%2B1", WireUrls.forRequest("http://a.example/already%20encoded?a=%2B1"));
    }
}
