package org.patchbay.server.simulate;

/**
 * How the simulation ended for the shell: the exit code and, when it is not 0, the one-line reason.
 */
record Verdict(int exitCode, String reason) {
    static final int OK = 0;
    static final int APP_FAILED = 1;
    static final int BAD_OPTIONS = 2;
    static final int TIMED_OUT = 3;

    static Verdict ok() {
        return new Verdict(OK, null);
    }

    boolean succeeded() {
        return exitCode == OK;
    }
}
