package org.patchbay.core.twiml;

import java.util.List;
import java.util.Map;

/** @param parameters custom {@code <Parameter name value>} children passed to the client */
public record DialClient(
        String identity,
        String url,
        String method,
        String statusCallback,
        String statusCallbackMethod,
        List<String> statusCallbackEvent,
        Map<String, String> parameters) implements DialNoun {
}
