package org.patchbay.core.call;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class StasisArgsTest {

    @Test
    void aBareArgumentIsTheDialledNumber() {
        StasisArgs args = StasisArgs.parse(List.of("1000"));
        assertEquals("1000", args.number());
        assertNull(args.url());
    }

    @Test
    void namedArgumentsDescribeAnApplication() {
        StasisArgs args = StasisArgs.parse(List.of("url=https://app.example/voice?x=1", "method=GET",
                "fallbackUrl=https://app.example/fallback", "statusCallback=https://app.example/status"));
        assertEquals("https://app.example/voice?x=1", args.url());
        assertEquals("GET", args.method());
        assertEquals("https://app.example/fallback", args.fallbackUrl());
        assertEquals("https://app.example/status", args.statusCallback());
        assertNull(args.number());
    }
}
