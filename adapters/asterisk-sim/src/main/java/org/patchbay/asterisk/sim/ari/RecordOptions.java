package org.patchbay.asterisk.sim.ari;

import org.patchbay.asterisk.sim.engine.RecordingOptions;

/** The record parameters shared by channels and bridges, with ARI's defaults. */
final class RecordOptions {
    private RecordOptions() {
    }

    static RecordingOptions from(AriParams params) {
        return new RecordingOptions(params.string("name"), params.string("format"),
                params.integer("maxDurationSeconds", 0) * 1000L, params.integer("maxSilenceSeconds", 0) * 1000L,
                orDefault(params.string("ifExists"), "fail"), params.bool("beep", false),
                orDefault(params.string("terminateOn"), "none"));
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }
}
