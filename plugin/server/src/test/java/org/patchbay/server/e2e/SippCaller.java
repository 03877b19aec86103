package org.patchbay.server.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A SIP phone calling the real Asterisk: SIPp's built-in {@code uac} scenario (INVITE, ACK on 200, hang-up
 * with BYE after {@code holdMillis}). It sends from {@code 127.0.0.1:<localPort>}, the address the PBX's test
 * endpoint identifies (see dialplan/pjsip.conf, {@code patchbay-test-sipp}), so the call lands in its context.
 */
final class SippCaller {
    private final String sipp;
    private final String target;
    private final int localPort;

    SippCaller(String sipp, String target, int localPort) {
        this.sipp = sipp;
        this.target = target;
        this.localPort = localPort;
    }

    /** Calls {@code number} and waits for SIPp to end; returns its exit code (0 = the call went as scripted). */
    int call(String number, long holdMillis, Path workDir) {
        List<String> command = List.of(sipp, "-sn", "uac", target, "-s", number, "-i", "127.0.0.1",
                "-p", String.valueOf(localPort), "-m", "1", "-d", String.valueOf(holdMillis), "-nostdin",
                "-timeout", "30s", "-timeout_error");
        try {
            File log = Files.createTempFile(workDir, "sipp-", ".log").toFile();
            Process process = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectErrorStream(true).redirectOutput(log).start();
            if (!process.waitFor(40, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("SIPp did not end within 40 s: " + Files.readString(log.toPath()));
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new AssertionError("cannot run " + sipp + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
