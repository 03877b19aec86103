package org.patchbay.asterisk.sim.engine;

/** The parameters of {@code POST /channels/{id}/record} and {@code POST /bridges/{id}/record}. */
public record RecordingOptions(String name, String format, long maxDurationMillis, long maxSilenceMillis,
                               String ifExists, boolean beep, String terminateOn) {
}
