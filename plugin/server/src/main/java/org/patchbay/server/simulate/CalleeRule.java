package org.patchbay.server.simulate;

import org.patchbay.asterisk.sim.FarEndBehaviour;
import org.patchbay.core.endpoint.EndpointTemplates;

/**
 * A script's {@code callee} line: what a party a {@code <Dial>} rings does. It answers after the
 * simulated ring and hangs up {@code talkSeconds} later, or is busy, does not answer, fails or rejects.
 *
 * @param address the dialled number, {@code sip:} URI or {@code client:} name, or {@code *} for any party
 */
record CalleeRule(String address, FarEndBehaviour behaviour, double talkSeconds) {
    static final long RING_MILLIS = 2000;

    /** The simulated Asterisk's endpoint glob for this party, under the default endpoint templates. */
    String endpointGlob() {
        return "*".equals(address) ? "*" : EndpointTemplates.defaults().endpointFor(address);
    }

    boolean covers(String dialled) {
        return "*".equals(address) || address.equals(dialled);
    }

    String describe() {
        String who = "*".equals(address) ? "every callee" : address;
        return behaviour == FarEndBehaviour.ANSWER
                ? who + " answers and hangs up after " + CallScript.seconds(talkSeconds) + " s"
                : who + " " + behaviour.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
