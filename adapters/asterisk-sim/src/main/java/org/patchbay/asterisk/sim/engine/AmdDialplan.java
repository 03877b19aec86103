package org.patchbay.asterisk.sim.engine;

import java.util.List;

/**
 * The dialplan an answered originate runs for answering-machine detection: Patchbay's {@code [patchbay-amd]} (see
 * dialplan/extensions.conf: {@code AMD()}, a {@code GotoIf} to {@code WaitForSilence()} for DetectMessageEnd, then
 * {@code Stasis(patchbay,amd,…)}; a fax goes to its {@code fax} extension) and the capture PBX's {@code [amd-dial]}
 * ({@code AMD()} then {@code Stasis(<app>,amd,${AMDSTATUS},${AMDCAUSE})}). As on Asterisk, the variables are set
 * before StasisStart, and an app only hears the steps if it subscribed to the channel.
 */
final class AmdDialplan {
    static final String PATCHBAY_CONTEXT = "patchbay-amd";
    static final String CAPTURED_CONTEXT = "amd-dial";

    private final World world;
    private final Stasis stasis;
    private final Hangups hangups;

    AmdDialplan(World world, Stasis stasis, Hangups hangups) {
        this.world = world;
        this.stasis = stasis;
        this.hangups = hangups;
    }

    static boolean runs(Dialplan destination) {
        return destination != null
                && (PATCHBAY_CONTEXT.equals(destination.context()) || CAPTURED_CONTEXT.equals(destination.context()));
    }

    /** The originated channel was answered into the context: AMD() listens from now on. */
    void start(Channel out, Dialplan destination) {
        AmdTimings timings = AmdTimings.of(out.variables);
        AmdVerdict verdict = AmdVerdict.of(world.amdCallees.forEndpoint(out.endpoint), timings);
        boolean patchbays = PATCHBAY_CONTEXT.equals(destination.context());
        out.enteredStasisFromDialplan = true;
        out.dialplan = destination.running(1, "AMD", patchbays ? amdArguments(out) : "");
        world.emit(out, world.events.dialplan(out));
        world.after(out, verdict.atMillis(), () -> concluded(out, verdict, timings, patchbays));
        long hangsUp = world.amdCallees.hangsUpAfter(out.endpoint);
        if (hangsUp >= 0 && out.partner != null) {
            world.after(out, hangsUp, () -> hangups.byApp(out.partner, Causes.NORMAL));
        }
    }

    private void concluded(Channel out, AmdVerdict verdict, AmdTimings timings, boolean patchbays) {
        if ("FAX".equals(verdict.status())) {
            out.dialplan = new Dialplan(out.dialplan.context(), "fax", 1, "", "");
            enter(out, 1, List.of("amd", "FAX", verdict.cause()));
            return;
        }
        setVariable(out, "AMDSTATUS", verdict.status());
        setVariable(out, "AMDCAUSE", verdict.cause());
        List<String> args = List.of("amd", verdict.status(), verdict.cause());
        if (!patchbays) {
            enter(out, 2, args);
            return;
        }
        step(out, 2, "GotoIf", "");
        if (!verdict.waitsForEnd(timings)) {
            enter(out, 3, args);
            return;
        }
        step(out, 5, "WaitForSilence", timings.endSilence() + ",1," + timings.endTimeoutMs() / 1000);
        long silenceAfter = Math.max(0, verdict.speechEndsAt() - verdict.atMillis()) + timings.endSilence();
        boolean heard = silenceAfter <= timings.endTimeoutMs();
        world.after(out, heard ? silenceAfter : timings.endTimeoutMs(), () -> {
            String waitStatus = heard ? "SILENCE" : "TIMEOUT";
            setVariable(out, "WAITSTATUS", waitStatus);
            enter(out, 6, List.of("amd", verdict.status(), verdict.cause(), waitStatus));
        });
    }

    private void enter(Channel out, int priority, List<String> args) {
        String app = world.options.stasisApp();
        out.dialplan = out.dialplan.running(priority, "Stasis", Stasis.appData(app, args));
        world.emit(out, world.events.dialplan(out));
        if (!stasis.enter(out, app, args)) {
            hangups.dialplanEnded(out);
        }
    }

    private void step(Channel out, int priority, String app, String data) {
        out.dialplan = out.dialplan.running(priority, app, data);
        world.emit(out, world.events.dialplan(out));
    }

    private void setVariable(Channel out, String name, String value) {
        out.variables.put(name, value);
        world.emit(out, world.events.varset(out, name, value));
    }

    private static String amdArguments(Channel out) {
        return String.join(",", out.variables.getOrDefault("PATCHBAY_AMD_INITIAL_SILENCE", ""),
                out.variables.getOrDefault("PATCHBAY_AMD_GREETING", ""),
                out.variables.getOrDefault("PATCHBAY_AMD_AFTER_GREETING_SILENCE", ""),
                out.variables.getOrDefault("PATCHBAY_AMD_TOTAL_TIME", ""));
    }
}
