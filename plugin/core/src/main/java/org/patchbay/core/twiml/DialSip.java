package org.patchbay.core.twiml;

import java.util.List;

public record DialSip(
        String uri,
        String username,
        String password,
        String url,
        String method,
        String statusCallback,
        String statusCallbackMethod,
        List<String> statusCallbackEvent) implements DialNoun {
}
