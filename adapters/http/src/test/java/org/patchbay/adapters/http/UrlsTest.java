package org.patchbay.adapters.http;

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
        assertEquals(expected, Urls.resolve(BASE, relative));
    }

    @Test
    void resolvesAgainstABaseWithoutPath() {
        assertEquals("http://app.example/next", Urls.resolve("http://app.example", "next"));
        assertEquals("http://app.example?x=1", Urls.resolve("http://app.example", "?x=1"));
    }

    @Test
    void resolvesTheRfc3986Examples() {
        String base = "http://a/b/c/d;p?q";
        assertEquals("g:h", Urls.resolve(base, "g:h"));
        assertEquals("http://a/b/c/g/", Urls.resolve(base, "g/"));
        assertEquals("http://g", Urls.resolve(base, "//g"));
        assertEquals("http://a/b/c/d;p?y", Urls.resolve(base, "?y"));
        assertEquals("http://a/b/c/g?y#s", Urls.resolve(base, "g?y#s"));
        assertEquals("http://a/b/c/d;p?q", Urls.resolve(base, ""));
        assertEquals("http://a/b/c/", Urls.resolve(base, "."));
        assertEquals("http://a/b/", Urls.resolve(base, ".."));
        assertEquals("http://a/g", Urls.resolve(base, "../../../g"));
        assertEquals("http://a/g", Urls.resolve(base, "/./g"));
        assertEquals("http://a/b/c/g..", Urls.resolve(base, "g.."));
        assertEquals("http://a/b/c/y", Urls.resolve(base, "g/../y"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://example.com", "https://example.com/x", "HTTP://Example.com:8080/a?b=c#rc=1",
            "http://127.0.0.1:1/", "http://[::1]:8080/voice", "http://user@host/x"})
    void acceptsAbsoluteHttpUrls(String url) {
        assertTrue(Urls.isHttpUrl(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "voice.xml", "/voice", "//example.com/x", "ftp://example.com/x", "mailto:a@b.c",
            "http://", "http:///path", "http://host:99999/", "http://host:0/", "http://host:80x/", "not a url"})
    void rejectsEverythingElse(String url) {
        assertFalse(Urls.isHttpUrl(url));
    }

    @Test
    void rejectsNull() {
        assertFalse(Urls.isHttpUrl(null));
    }

    @Test
    void splitsOffTheFragment() {
        assertEquals("http://a/b?c=1", Urls.withoutFragment("http://a/b?c=1#ct=100&rt=200"));
        assertEquals("ct=100&rt=200", Urls.fragment("http://a/b?c=1#ct=100&rt=200"));
        assertNull(Urls.fragment("http://a/b"));
        assertEquals("", Urls.fragment("http://a/b#"));
    }

    @Test
    void appendsParametersToTheQueryItHas() {
        assertEquals("http://a/b?x=1", Urls.withQuery("http://a/b", "x=1"));
        assertEquals("http://a/b?y=2&x=1", Urls.withQuery("http://a/b?y=2", "x=1"));
        assertEquals("http://a/b?x=1", Urls.withQuery("http://a/b?", "x=1"));
        assertEquals("http://a/b?y=2&x=1", Urls.withQuery("http://a/b?y=2&", "x=1"));
        assertEquals("http://a/b?y=2", Urls.withQuery("http://a/b?y=2", ""));
    }

    @Test
    void givesTheFormThatGoesOnTheWire() {
        assertEquals("http://a.example/", Urls.forRequest("http://a.example"));
        assertEquals("http://a.example/?q=1", Urls.forRequest("http://a.example?q=1#rc=2"));
        assertEquals("http://a.example/caf%C3%A9?name=Zo%C3%AB%20X", Urls.forRequest("http://a.example/café?name=Zoë X"));
        assertEquals("http://a.example/x?emoji=%F0%9F%93%9E&q=%7Bid%7D", Urls.forRequest("http://a.example/x?emoji=📞&q={id}"));
        assertEquals("http://a.example/already%20encoded?a=%2B1", Urls.forRequest("http://a.example/already%20encoded?a=%2B1"));
    }
}
