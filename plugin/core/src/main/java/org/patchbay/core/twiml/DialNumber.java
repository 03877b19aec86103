package org.patchbay.core.twiml;

import org.patchbay.core.amd.MachineDetection;

import java.util.List;

/**
 * @param url              a screening document run on the callee before the parties are connected
 * @param machineDetection {@code machineDetection} and its timings and {@code amdStatusCallback}, or null
 */
public record DialNumber(
        String number,
        String sendDigits,
        String url,
        String method,
        String statusCallback,
        String statusCallbackMethod,
        List<String> statusCallbackEvent,
        MachineDetection machineDetection) implements DialNoun {

    public DialNumber(String number, String sendDigits, String url, String method, String statusCallback,
                      String statusCallbackMethod, List<String> statusCallbackEvent) {
        this(number, sendDigits, url, method, statusCallback, statusCallbackMethod, statusCallbackEvent, null);
    }
}
