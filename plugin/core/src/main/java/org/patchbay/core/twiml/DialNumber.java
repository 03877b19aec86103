package org.patchbay.core.twiml;

import java.util.List;

/** @param url a screening document run on the callee before the parties are connected */
public record DialNumber(
        String number,
        String sendDigits,
        String url,
        String method,
        String statusCallback,
        String statusCallbackMethod,
        List<String> statusCallbackEvent) implements DialNoun {
}
