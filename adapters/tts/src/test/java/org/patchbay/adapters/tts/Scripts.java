package org.patchbay.adapters.tts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Stand-ins for the espeak-ng binary, for the failures the real one cannot be made to show. */
final class Scripts {

    private Scripts() {
    }

    static Path executable(Path dir, String name, String body) throws IOException {
        Path script = dir.resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    /**
     * The real espeak-ng, except that text containing "slow" waits until {@code release} exists:
     * a prompt that stays in synthesis for exactly as long as the test wants.
     */
    static Path espeakHeldBy(Path dir, Path release) throws IOException {
        return executable(dir, "held-espeak-ng", """
                text=$(cat)
                case "$text" in
                  *slow*) while [ ! -e '%s' ]; do sleep 0.02; done ;;
                esac
                printf '%%s' "$text" | exec espeak-ng "$@"
                """.formatted(release));
    }
}
