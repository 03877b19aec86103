package org.patchbay.server.api;

import com.twilio.base.ResourceSet;
import com.twilio.exception.ApiException;
import com.twilio.http.HttpMethod;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.Account;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.rest.api.v2010.account.Conference;
import com.twilio.rest.api.v2010.account.Queue;
import com.twilio.rest.api.v2010.account.conference.Participant;
import com.twilio.rest.api.v2010.account.queue.Member;
import com.twilio.type.PhoneNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchbay.asterisk.sim.InboundCall;
import org.patchbay.server.e2e.Harness;
import org.patchbay.testkit.RecordedRequest;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Conferences, Participants, Queues and Members driven with Twilio's Java helper library over live
 * rooms in the simulated Asterisk: the PBX must see each mute, hold and removal, and every 200/201
 * body must match Twilio's schema.
 */
class RoomsThroughTwilioSdkIT {
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
        client = clientFor(h.patchbay.mainAccount().sid(), h.patchbay.mainAccount().authToken());
    }

    @AfterEach
    void stop() {
        http.exchanges.stream().filter(e -> e.status() == 200 || e.status() == 201)
                .forEach(e -> schemas.assertValid(e.method(), e.path(), e.status(), e.body()));
        h.close();
    }

    private TwilioRestClient clientFor(String sid, String token) {
        return new TwilioRestClient.Builder(sid, token).httpClient(http).build();
    }

    private static <T extends com.twilio.base.Resource> List<T> all(ResourceSet<T> set) {
        return StreamSupport.stream(set.spliterator(), false).toList();
    }

    private boolean pbxSaw(String method, String path) {
        return Harness.await(h.asterisk.requests()).stream().anyMatch(r -> r.method().equals(method) && r.path().equals(path));
    }

    @Test
    void muteHoldKickAndEndALiveConference() {
        h.number("9200", "/room", null, null);
        h.app.respond("/room", "<Response><Dial><Conference beep=\"false\">standup</Conference></Dial>"
                + "<Play>sound:vm-goodbye</Play></Response>");
        InboundCall alice = h.call("+15550000201", "9200");
        InboundCall bob = h.call("+15550000202", "9200");
        String aliceSid = h.recordOf(alice.channelId(), r -> true).sid();
        String bobSid = h.recordOf(bob.channelId(), r -> true).sid();
        h.waitUntil("both in the bridge", () -> h.bridgedChannels().containsAll(List.of(alice.channelId(), bob.channelId())));

        List<Conference> listed = all(Conference.reader().setFriendlyName("standup").setStatus(Conference.Status.IN_PROGRESS).read(client));
        assertEquals(1, listed.size());
        String room = listed.get(0).getSid();
        assertEquals("standup", Conference.fetcher(room).fetch(client).getFriendlyName());
        h.waitUntil("two participants", () -> all(Participant.reader(room).read(client)).size() == 2);

        h.app.respond("/announce", "<Response><Play>sound:conf-onlyperson</Play></Response>");
        Conference.updater(room).setAnnounceUrl(URI.create(h.app.url("/announce"))).update(client);
        Harness.await(h.app.awaitRequest("/announce"));
        h.waitUntil("the announcement played to the room", () -> Harness.await(h.asterisk.requests()).stream()
                .anyMatch(r -> r.method().equals("POST") && r.path().startsWith("/bridges/" + room + "/play")));
        h.app.respond("/whisper", "<Response><Play>sound:conf-hasjoin</Play></Response>");
        Participant.updater(room, bobSid).setAnnounceUrl(URI.create(h.app.url("/whisper"))).update(client);
        Harness.await(h.app.awaitRequest("/whisper"));
        h.waitUntil("the announcement played to bob alone", () -> h.heardMedia(bob.channelId()).stream()
                .anyMatch(e -> e.startsWith("playback sound:conf-hasjoin")));
        assertTrue(h.heardMedia(alice.channelId()).stream().noneMatch(e -> e.contains("conf-hasjoin")));

        Participant muted = Participant.updater(room, aliceSid).setMuted(true).update(client);
        assertTrue(muted.getMuted());
        h.waitUntil("the PBX mutes alice", () -> pbxSaw("POST", "/channels/" + alice.channelId() + "/mute"));
        assertEquals(List.of(aliceSid), all(Participant.reader(room).setMuted(true).read(client)).stream().map(Participant::getCallSid).toList());
        Participant.updater(room, aliceSid).setMuted(false).update(client);
        h.waitUntil("the PBX unmutes alice", () -> pbxSaw("DELETE", "/channels/" + alice.channelId() + "/mute"));

        assertTrue(Participant.updater(room, bobSid).setHold(true).update(client).getHold());
        h.waitUntil("bob out of the bridge, on hold music", () -> !h.bridgedChannels().contains(bob.channelId())
                && h.heardMedia(bob.channelId()).stream().anyMatch(e -> e.startsWith("moh")));
        assertTrue(Participant.fetcher(room, bobSid).fetch(client).getHold());
        Participant.updater(room, bobSid).setHold(false).update(client);
        h.waitUntil("bob back in the bridge", () -> h.bridgedChannels().contains(bob.channelId())
                && h.heardMedia(bob.channelId()).stream().anyMatch(e -> e.startsWith("moh") && e.endsWith("stopped")));

        h.app.respond("/hold-document", "<Response><Play>sound:tt-monkeys</Play></Response>");
        Participant.updater(room, aliceSid).setHold(true).setHoldUrl(URI.create(h.app.url("/hold-document")))
                .setHoldMethod(HttpMethod.GET).update(client);
        assertEquals("GET", Harness.await(h.app.awaitRequest("/hold-document")).method());
        h.waitUntil("alice hears the hold document", () -> !h.bridgedChannels().contains(alice.channelId())
                && h.heardMedia(alice.channelId()).stream().anyMatch(e -> e.startsWith("playback sound:tt-monkeys")));
        Participant.updater(room, aliceSid).setHold(false).update(client);
        h.waitUntil("alice back in the bridge", () -> h.bridgedChannels().contains(alice.channelId()));

        Participant.deleter(room, bobSid).delete(client);
        h.finished(bob.channelId());
        List<String> bobHeard = h.heardMedia(bob.channelId()).stream().filter(e -> e.startsWith("playback")).toList();
        assertEquals(List.of("playback sound:conf-hasjoin done", "playback sound:vm-goodbye done"), bobHeard,
                "kicked, bob carries on after his <Dial>");
        ApiException gone = assertThrows(ApiException.class, () -> Participant.fetcher(room, bobSid).fetch(client));
        assertEquals(404, gone.getStatusCode());

        Conference ended = Conference.updater(room).setStatus(Conference.UpdateStatus.COMPLETED).update(client);
        assertEquals(Conference.Status.COMPLETED, ended.getStatus());
        assertEquals(Conference.ReasonConferenceEnded.CONFERENCE_ENDED_VIA_API, ended.getReasonConferenceEnded());
        h.finished(alice.channelId());
        assertTrue(all(Participant.reader(room).read(client)).isEmpty());
    }

    @Test
    void dialAParticipantIntoALiveRoomAndOpenANewOne() {
        h.number("9203", "/room", null, null);
        h.app.respond("/room", "<Response><Dial><Conference beep=\"false\">sales</Conference></Dial></Response>");
        InboundCall caller = h.call("+15550000205", "9203");
        h.waitUntil("the room", () -> all(Conference.reader().setFriendlyName("sales").read(client)).size() == 1);
        String room = all(Conference.reader().setFriendlyName("sales").read(client)).get(0).getSid();

        Participant dialled = Participant.creator(room, new PhoneNumber("+15550001111"), new PhoneNumber("+15557002000"))
                .setLabel("supervisor").setMuted(true).setBeep("false").create(client);
        assertEquals(Participant.Status.QUEUED, dialled.getStatus());
        assertEquals(room, dialled.getConferenceSid());
        assertEquals("supervisor", dialled.getLabel());
        h.waitUntil("the supervisor in the room", () -> all(Participant.reader(room).read(client)).size() == 2);
        Participant byLabel = Participant.fetcher(room, "supervisor").fetch(client);
        assertEquals(dialled.getCallSid(), byLabel.getCallSid());
        assertTrue(byLabel.getMuted());
        assertEquals("outbound-api", Call.fetcher(dialled.getCallSid()).fetch(client).getDirection());
        String channel = Harness.await(h.patchbay.store().of(org.patchbay.core.call.CallRecord.KIND).get(dialled.getCallSid())).channelId();
        h.waitUntil("the supervisor bridged and muted", () -> h.bridgedChannels().contains(channel)
                && pbxSaw("POST", "/channels/" + channel + "/mute"));

        Participant opener = Participant.creator("brand-new-room", new PhoneNumber("+15550001111"), new PhoneNumber("+15557002001"))
                .create(client);
        assertEquals("brand-new-room", Conference.fetcher(opener.getConferenceSid()).fetch(client).getFriendlyName(),
                "the room the call will open is listed at once");
        h.waitUntil("the new room open", () -> all(Conference.reader().setFriendlyName("brand-new-room")
                .setStatus(Conference.Status.IN_PROGRESS).read(client)).size() == 1);
        assertEquals(opener.getConferenceSid(), all(Conference.reader().setFriendlyName("brand-new-room").read(client)).get(0).getSid());

        Participant.deleter(room, "supervisor").delete(client);
        Conference.updater(room).setStatus(Conference.UpdateStatus.COMPLETED).update(client);
        Conference.updater(opener.getConferenceSid()).setStatus(Conference.UpdateStatus.COMPLETED).update(client);
        h.finished(caller.channelId());
        h.waitUntil("the dialled calls over", () -> List.of(dialled.getCallSid(), opener.getCallSid()).stream()
                .allMatch(sid -> Call.fetcher(sid).fetch(client).getStatus() == Call.Status.COMPLETED));
    }

    @Test
    void anotherAccountsRoomIsNotFound() {
        h.number("9201", "/room", null, null);
        h.app.respond("/room", "<Response><Dial><Conference>private</Conference></Dial></Response>");
        InboundCall caller = h.call("+15550000203", "9201");
        String callSid = h.recordOf(caller.channelId(), r -> true).sid();
        h.waitUntil("the conference", () -> !all(Conference.reader().read(client)).isEmpty());
        String room = all(Conference.reader().read(client)).get(0).getSid();

        Account other = Account.creator().setFriendlyName("Other tenant").create(client);
        TwilioRestClient tenant = clientFor(other.getSid(), other.getAuthToken());
        assertTrue(all(Conference.reader().read(tenant)).isEmpty());
        for (Runnable attempt : List.<Runnable>of(
                () -> Conference.fetcher(room).fetch(tenant),
                () -> Conference.updater(room).setStatus(Conference.UpdateStatus.COMPLETED).update(tenant),
                () -> Participant.reader(room).read(tenant),
                () -> Participant.updater(room, callSid).setMuted(true).update(tenant),
                () -> Participant.deleter(room, callSid).delete(tenant))) {
            assertEquals(404, assertThrows(ApiException.class, attempt::run).getStatusCode());
        }
        assertFalse(pbxSaw("POST", "/channels/" + caller.channelId() + "/mute"));
        Harness.await(h.asterisk.hangUp(caller.callerChannelId()));
        h.finished(caller.channelId());
    }

    @Test
    void dequeueTheFrontCallerToAnotherDocument() {
        Queue queue = Queue.creator("support").setMaxSize(10).create(client);
        assertEquals(10, queue.getMaxSize());
        h.number("9202", "/enqueue", null, null);
        h.app.respond("/enqueue", "<Response><Enqueue action=\"/enqueue-done\">support</Enqueue></Response>");
        h.app.respond("/enqueue-done", "<Response><Play>sound:vm-sorry</Play></Response>");
        h.app.respond("/agent-ready", "<Response><Play>sound:beep</Play></Response>");
        InboundCall caller = h.call("+15550000204", "9202");
        String callSid = h.recordOf(caller.channelId(), r -> true).sid();
        h.waitUntil("the caller waiting", () -> Queue.fetcher(queue.getSid()).fetch(client).getCurrentSize() == 1);

        List<Member> members = all(Member.reader(queue.getSid()).read(client));
        assertEquals(List.of(callSid), members.stream().map(Member::getCallSid).toList());
        assertEquals(1, members.get(0).getPosition());
        assertEquals(callSid, Member.fetcher(queue.getSid(), "Front").fetch(client).getCallSid());
        assertEquals(400, assertThrows(ApiException.class, () -> Queue.deleter(queue.getSid()).delete(client)).getStatusCode());

        Member left = Member.updater(queue.getSid(), "Front", URI.create(h.app.url("/agent-ready"))).setMethod(HttpMethod.POST).update(client);
        assertEquals(callSid, left.getCallSid());
        RecordedRequest action = Harness.await(h.app.awaitRequest("/enqueue-done"));
        assertEquals("redirected", action.param("QueueResult"));
        assertEquals(queue.getSid(), action.param("QueueSid"));
        Harness.await(h.app.awaitRequest("/agent-ready"));
        h.finished(caller.channelId());
        List<String> heard = h.heardMedia(caller.channelId()).stream().filter(e -> e.startsWith("playback")).toList();
        assertEquals(List.of("playback sound:beep done"), heard, "the caller runs the Url's document, not the action's");

        assertEquals(0, Queue.fetcher(queue.getSid()).fetch(client).getCurrentSize());
        assertTrue(all(Member.reader(queue.getSid()).read(client)).isEmpty());
        Queue renamed = Queue.updater(queue.getSid()).setFriendlyName("support-2").update(client);
        assertEquals("support-2", renamed.getFriendlyName());
        assertEquals(1, all(Queue.reader().read(client)).size());
        assertTrue(Queue.deleter(queue.getSid()).delete(client));
    }
}
