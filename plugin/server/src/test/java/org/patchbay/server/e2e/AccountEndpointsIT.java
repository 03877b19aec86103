package org.patchbay.server.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchbay.core.call.CallApp;
import org.patchbay.core.call.CallRecord;
import org.patchbay.core.livecall.OutboundCall;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** An account with endpoint templates of its own places its calls through them. */
class AccountEndpointsIT {
    private static final String ACCOUNT = "AC" + "c".repeat(32);

    @TempDir
    Path dataDir;
    Harness h;

    @BeforeEach
    void start() throws IOException {
        Path yaml = dataDir.resolve("patchbay.yaml");
        Files.writeString(yaml, "accounts:\n  " + ACCOUNT + ":\n    endpoints: {number: \"PJSIP/{number}@trunk-b\"}\n");
        h = Harness.start(dataDir, Map.of("PATCHBAY_CONFIG", yaml.toString(),
                "PATCHBAY_ACCOUNT_SID", ACCOUNT, "PATCHBAY_AUTH_TOKEN", "d".repeat(32)));
        h.app.respond("/voice", "<Response><Play>sound:beep</Play></Response>");
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void outboundCallsUseTheAccountsTrunk() {
        CallRecord call = Harness.await(h.patchbay.liveCalls().create(new OutboundCall(ACCOUNT, "+15557000100", "+15550001111",
                null, CallApp.of(h.app.url("/voice")), null, 30, 0, null, false)));
        h.waitUntil("the call to end", () -> Harness.await(h.patchbay.store().of(CallRecord.KIND).get(call.sid())).status().isFinal());
        String originate = Harness.await(h.asterisk.requests()).stream()
                .filter(r -> r.method().equals("POST") && r.path().equals("/channels/" + call.sid()))
                .map(r -> URLDecoder.decode(r.query(), StandardCharsets.UTF_8)).findFirst().orElseThrow();
        assertTrue(originate.contains("endpoint=PJSIP/+15557000100@trunk-b&"), originate);
    }
}
