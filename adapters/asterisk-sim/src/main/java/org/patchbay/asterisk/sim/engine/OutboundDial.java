package org.patchbay.asterisk.sim.engine;

import java.util.List;

/**
 * A channel being dialed, by an originate or by {@code /channels/{id}/dial}, and where an answered
 * originate goes next: a Stasis app, or a dialplan location.
 */
final class OutboundDial {
    final String dialstring;
    final boolean viaOriginate;
    final String app;
    final List<String> appArgs;
    final Dialplan destination;
    boolean ringing;

    private OutboundDial(String dialstring, boolean viaOriginate, String app, List<String> appArgs,
                         Dialplan destination) {
        this.dialstring = dialstring;
        this.viaOriginate = viaOriginate;
        this.app = app;
        this.appArgs = appArgs;
        this.destination = destination;
    }

    static OutboundDial toApp(String dialstring, String app, List<String> appArgs) {
        return new OutboundDial(dialstring, true, app, List.copyOf(appArgs), null);
    }

    static OutboundDial toDialplan(String dialstring, Dialplan destination) {
        return new OutboundDial(dialstring, true, null, List.of(), destination);
    }

    static OutboundDial fromStasis(String dialstring) {
        return new OutboundDial(dialstring, false, null, List.of(), null);
    }

    /** Events after the first report the dial string only for originates. */
    String laterDialstring() {
        return viaOriginate ? dialstring : "";
    }
}
