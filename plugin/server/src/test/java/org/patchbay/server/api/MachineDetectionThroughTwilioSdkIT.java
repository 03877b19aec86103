package org.patchbay.server.api;

import com.twilio.exception.ApiException;
import com.twilio.http.HttpMethod;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.type.PhoneNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchbay.asterisk.sim.AmdCallee;
import org.patchbay.server.e2e.Harness;
import org.patchbay.testkit.RecordedRequest;

import java.net.URI;
import java.nio.file.Path;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Answering-machine detection as a Twilio developer asks for it: Twilio's Java helper library creates the call with
 * {@code MachineDetection} and reads {@code answered_by} back from the Call resource, over real calls in the simulator.
 */
class MachineDetectionThroughTwilioSdkIT {
    private static final String MACHINE = "+15557660002";

    @TempDir
    Path dataDir;
    Harness h;
    LoopbackTwilioHttpClient http;
    TwilioRestClient client;
    TwilioSchemas schemas = TwilioSchemas.load();

    @BeforeEach
    void start() {
        h = Harness.start(dataDir);
        Harness.await(h.asterisk.addAmdCallee("PJSIP/" + MACHINE, AmdCallee.MACHINE));
        h.app.respond("/voice", "<Response><Play>sound:beep</Play></Response>");
        h.app.respond("/amd", 204, "text/plain", "");
        http = new LoopbackTwilioHttpClient("http://127.0.0.1:" + h.patchbay.httpPort());
        client = new TwilioRestClient.Builder(h.patchbay.mainAccount().sid(), h.patchbay.mainAccount().authToken())
                .httpClient(http).build();
    }

    @AfterEach
    void stop() {
        http.exchanges.stream().filter(e -> e.status() == 200 || e.status() == 201)
                .forEach(e -> schemas.assertValid(e.method(), e.path(), e.status(), e.body()));
        h.close();
    }

    private Call.Status status(String sid) {
        return Call.fetcher(sid).fetch(client).getStatus();
    }

    private void waitForTheEnd(String sid) {
        h.waitUntil("call " + sid + " to end", () -> status(sid) == Call.Status.COMPLETED);
    }

    @Test
    void aMachineComesBackAsAnsweredByOnTheCallResource() {
        Call call = Call.creator(new PhoneNumber(MACHINE), new PhoneNumber("+15550001111"), URI.create(h.app.url("/voice")))
                .setMachineDetection("Enable")
                .setMachineDetectionTimeout(30)
                .setMachineDetectionSpeechThreshold(2400)
                .setMachineDetectionSpeechEndThreshold(1200)
                .setMachineDetectionSilenceTimeout(5000)
                .create(client);
        assertEquals(null, call.getAnsweredBy(), "not known while queued");
        assertEquals("machine_start", Harness.await(h.app.awaitRequest("/voice")).param("AnsweredBy"));
        waitForTheEnd(call.getSid());
        assertEquals("machine_start", Call.fetcher(call.getSid()).fetch(client).getAnsweredBy());
    }

    @Test
    void asyncAmdReportsToItsCallbackAndAHumanIsHuman() {
        Call call = Call.creator(new PhoneNumber("+15557660001"), new PhoneNumber("+15550001111"), URI.create(h.app.url("/voice")))
                .setMachineDetection("DetectMessageEnd")
                .setAsyncAmd("true")
                .setAsyncAmdStatusCallback(URI.create(h.app.url("/amd")))
                .setAsyncAmdStatusCallbackMethod(HttpMethod.POST)
                .create(client);
        RecordedRequest callback = Harness.await(h.app.awaitRequest("/amd"));
        assertEquals(call.getSid(), callback.param("CallSid"));
        assertEquals("human", callback.param("AnsweredBy"));
        waitForTheEnd(call.getSid());
        assertEquals("human", Call.fetcher(call.getSid()).fetch(client).getAnsweredBy());
    }

    private ApiException refused(Consumer<com.twilio.rest.api.v2010.account.CallCreator> settings) {
        var creator = Call.creator(new PhoneNumber(MACHINE), new PhoneNumber("+15550001111"), URI.create(h.app.url("/voice")));
        settings.accept(creator);
        return assertThrows(ApiException.class, () -> creator.create(client));
    }

    @Test
    void valuesOutsideTwiliosRangesAreRefusedWith21234() {
        ApiException mode = refused(c -> c.setMachineDetection("Sometimes"));
        assertEquals(21234, mode.getCode());
        assertEquals(400, mode.getStatusCode());
        assertTrue(mode.getMessage().contains("MachineDetection"), mode.getMessage());
        assertEquals(21234, refused(c -> c.setMachineDetection("Enable").setMachineDetectionTimeout(60)).getCode());
        assertEquals(21234, refused(c -> c.setMachineDetection("Enable").setMachineDetectionTimeout(2)).getCode());
        assertEquals(21234, refused(c -> c.setMachineDetection("Enable").setMachineDetectionSpeechThreshold(999)).getCode());
        assertEquals(21234, refused(c -> c.setMachineDetection("Enable").setMachineDetectionSpeechEndThreshold(5001)).getCode());
        assertEquals(21234, refused(c -> c.setMachineDetection("Enable").setMachineDetectionSilenceTimeout(1999)).getCode());
        ApiException badCallback = refused(c -> c.setMachineDetection("Enable").setAsyncAmd("true")
                .setAsyncAmdStatusCallback(URI.create("ftp://example.com/amd")));
        assertEquals(400, badCallback.getStatusCode());
        assertTrue(badCallback.getMessage().contains("AsyncAmdStatusCallback"), badCallback.getMessage());
        assertTrue(h.app.requests("/voice").isEmpty(), "no call was placed");
    }
}
