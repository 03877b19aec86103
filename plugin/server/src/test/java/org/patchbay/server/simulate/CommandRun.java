package org.patchbay.server.simulate;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** One in-process run of {@code patchbay simulate}: what the user sees on stdout, stderr and as the exit code. */
record CommandRun(int exitCode, String out, String err) {

    static CommandRun of(Path dataDir, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = SimulateCommand.run(List.of(args), Map.of("PATCHBAY_DATA_DIR", dataDir.toString()), outStream, errStream);
        }
        return new CommandRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    List<String> lines() {
        return out.lines().toList();
    }

    /** The index of the first line containing {@code text} at or after {@code from}; fails the test when there is none. */
    int lineWith(String text, int from) {
        List<String> lines = lines();
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no line with '" + text + "' from line " + from + " in:\n" + out + "\nstderr:\n" + err);
    }

    /** Asserts that lines containing these texts appear in this order. */
    void showsInOrder(String... texts) {
        int at = 0;
        for (String text : texts) {
            at = lineWith(text, at) + 1;
        }
    }
}
