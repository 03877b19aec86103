package org.patchbay.server.simulate;

/** The simulation could not run to a transcript (Patchbay did not start, the call could not be placed, time ran out). */
final class SimulationFailure extends RuntimeException {
    private final int exitCode;

    SimulationFailure(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
