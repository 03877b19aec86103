package org.patchbay.server.simulate;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar patchbay.jar simulate ...}: places one call into a TwiML app through Patchbay and a
 * simulated Asterisk and prints the transcript, so a developer can test an app offline. Returns the
 * exit code; every failure is one line on {@code err}, never a stack trace.
 */
public final class SimulateCommand {
    private static final String PREFIX = "patchbay simulate: ";

    private SimulateCommand() {
    }

    public static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        SimulateOptions options;
        try {
            options = SimulateOptions.parse(args);
        } catch (BadOptionException e) {
            err.println(PREFIX + e.getMessage() + " (see --help)");
            return Verdict.BAD_OPTIONS;
        }
        if (options.help()) {
            out.print(SimulateOptions.USAGE);
            return Verdict.OK;
        }
        try (QuietLogs ignored = QuietLogs.unless(options.verbose())) {
            Transcript transcript = Simulation.run(options, env);
            out.println(options.json() ? transcript.toJson().encodePrettily() : transcript.toText());
            if (transcript.failure() != null) {
                err.println(PREFIX + transcript.failure());
            }
            return transcript.exitCode();
        } catch (SimulationFailure e) {
            err.println(PREFIX + e.getMessage());
            return e.exitCode();
        } catch (RuntimeException e) {
            err.println(PREFIX + "unexpected failure: " + e);
            return Verdict.APP_FAILED;
        }
    }
}
