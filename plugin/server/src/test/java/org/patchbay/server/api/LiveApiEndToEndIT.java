package org.patchbay.server.api;

import com.twilio.base.ResourceSet;
import com.twilio.exception.ApiException;
import com.twilio.http.HttpMethod;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.rest.api.v2010.account.IncomingPhoneNumber;
import com.twilio.rest.api.v2010.account.Notification;
import com.twilio.rest.api.v2010.account.Recording;
import com.twilio.type.PhoneNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchbay.asterisk.sim.InboundCall;
import org.patchbay.server.e2e.Harness;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The REST API in front of real calls: Twilio's Java helper library places a call that runs its TwiML
 * in the simulated Asterisk, follows it, redirects it live and hangs it up; numbers route inbound calls;
 * recordings and notifications made by real calls are listed, fetched and deleted.
 */
class LiveApiEndToEndIT {
    @TempDir
    Path dataDir;
    Harness h;
    LoopbackTwilioHttpClient http;
    TwilioRestClient client;
    TwilioSchemas schemas = TwilioSchemas.load();

    @BeforeEach
    void start() {
        h = Harness.start(dataDir);
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

    @Test
    void createFollowRedirectAndHangUpACall() {
        h.app.respond("/voice", "<Response><Play loop=\"0\">sound:tt-monkeys</Play></Response>");
        h.app.respond("/redirected", "<Response><Play>sound:beep</Play><Pause length=\"60\"/></Response>");
        Call call = Call.creator(new PhoneNumber("+15557001000"), new PhoneNumber("+15550001111"),
                URI.create(h.app.url("/voice"))).create(client);
        assertEquals(Call.Status.QUEUED, call.getStatus());
        h.waitUntil("in progress", () -> status(call.getSid()) == Call.Status.IN_PROGRESS);

        ResourceSet<Call> listed = Call.reader().setTo(new PhoneNumber("+15557001000")).read(client);
        assertEquals(List.of(call.getSid()), StreamSupport.stream(listed.spliterator(), false).map(Call::getSid).toList());

        Call.updater(call.getSid()).setUrl(URI.create(h.app.url("/redirected"))).setMethod(HttpMethod.POST).update(client);
        Harness.await(h.app.awaitRequest("/redirected"));
        h.waitUntil("the beep", () -> h.heardMedia(call.getSid()).contains("playback sound:beep done"));
        List<String> heard = h.heardMedia(call.getSid());
        // Each loop of the monkeys is its own playback (350 ms at test speed), so earlier loops may have played out.
        assertEquals("playback sound:tt-monkeys stopped", heard.get(heard.indexOf("playback sound:beep done") - 1),
                "the monkeys were cut off at once: " + heard);

        Call ended = Call.updater(call.getSid()).setStatus(Call.UpdateStatus.COMPLETED).update(client);
        assertEquals(Call.Status.COMPLETED, ended.getStatus());
        assertTrue(ended.getDuration() != null);
        h.assertNothingLeaked();
    }

    @Test
    void anIncomingPhoneNumberRoutesInboundCallsAndCanBeRepointed() {
        h.app.respond("/first", "<Response><Play>sound:beep</Play></Response>");
        h.app.respond("/second", "<Response><Play>sound:vm-goodbye</Play></Response>");
        IncomingPhoneNumber number = IncomingPhoneNumber.creator(new PhoneNumber("4000"))
                .setVoiceUrl(URI.create(h.app.url("/first"))).create(client);
        InboundCall first = h.call("+15550000301", "4000");
        h.finished(first.channelId());
        assertEquals(List.of("playback sound:beep done"), h.heardMedia(first.channelId()));

        IncomingPhoneNumber.updater(number.getSid()).setVoiceUrl(URI.create(h.app.url("/second"))).update(client);
        InboundCall second = h.call("+15550000301", "4000");
        h.finished(second.channelId());
        assertEquals(List.of("playback sound:vm-goodbye done"), h.heardMedia(second.channelId()));
    }

    @Test
    void recordingsAndNotificationsFromRealCalls() throws Exception {
        h.app.respond("/voice", "<Response><Record action=\"/recorded\" maxLength=\"5\" playBeep=\"false\"/></Response>");
        h.app.respond("/recorded", 500, "text/plain", "oops");
        IncomingPhoneNumber.creator(new PhoneNumber("4001")).setVoiceUrl(URI.create(h.app.url("/voice"))).create(client);
        InboundCall call = h.call("+15550000302", "4001");
        Harness.await(h.app.awaitRequest("/voice"));
        // Speech before the recording starts is not recorded: on a busy machine the 2 s (0.1 s at test speed) could pass first.
        h.waitUntil("the recording", () -> !Harness.await(h.asterisk.state()).liveRecordings().isEmpty());
        Harness.await(h.asterisk.speak(call.callerChannelId(), 2000));
        Harness.await(h.app.awaitRequest("/recorded"));
        h.finished(call.channelId());

        Recording recording = Recording.reader().read(client).iterator().next();
        assertEquals(Recording.Status.COMPLETED, recording.getStatus());
        assertTrue(recording.getDuration() != null && Integer.parseInt(recording.getDuration()) >= 1);
        String media = "http://127.0.0.1:" + h.patchbay.httpPort() + "/2010-04-01/Accounts/" + h.patchbay.mainAccount().sid()
                + "/Recordings/" + recording.getSid() + ".wav";
        assertEquals(401, get(media, null).statusCode());
        HttpResponse<byte[]> wav = get(media, h.patchbay.mainAccount().sid() + ":" + h.patchbay.mainAccount().authToken());
        assertEquals(200, wav.statusCode());
        assertEquals("RIFF", new String(wav.body(), 0, 4));

        Notification notification = Notification.reader().read(client).iterator().next();
        assertEquals(11200, notification.getErrorCode() == null ? 0 : Integer.parseInt(notification.getErrorCode()));
        assertTrue(notification.getRequestUrl().toString().endsWith("/recorded"));

        assertTrue(Recording.deleter(recording.getSid()).delete(client));
        assertEquals(404, get(media, h.patchbay.mainAccount().sid() + ":" + h.patchbay.mainAccount().authToken()).statusCode());
        assertThrows(ApiException.class, () -> Recording.fetcher(recording.getSid()).fetch(client));
    }

    private static HttpResponse<byte[]> get(String url, String credentials) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (credentials != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes()));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
