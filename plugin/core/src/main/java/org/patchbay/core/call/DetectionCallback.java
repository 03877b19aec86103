package org.patchbay.core.call;

import org.patchbay.core.amd.MachineDetection;

import java.util.Map;

/**
 * The AMD status callback ({@code AsyncAmdStatusCallback}, {@code <Number amdStatusCallback>}): the call's
 * parameters, whose {@code AnsweredBy} detection has just set, sent once the detecting channel is answered.
 */
final class DetectionCallback {
    /** Twilio's warning "No AMD status callback URL provided". */
    static final int NO_CALLBACK_WARNING = 21262;

    private DetectionCallback() {
    }

    static void send(CallSession session, MachineDetection detection) {
        if (detection == null || detection.callbackUrl() == null || session.record().answeredBy() == null) {
            return;
        }
        session.control().callback(detection.callbackUrl(), detection.callbackMethod(), Map.of());
    }
}
