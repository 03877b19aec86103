package org.patchbay.server.api;

import com.twilio.base.ResourceSet;
import com.twilio.http.HttpMethod;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Conference;
import com.twilio.rest.api.v2010.account.Queue;
import com.twilio.rest.api.v2010.account.conference.Participant;
import com.twilio.rest.api.v2010.account.queue.Member;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.patchbay.asterisk.sim.InboundCall;
import org.patchbay.asterisk.sim.SimulatedAsterisk;
import org.patchbay.server.Patchbay;
import org.patchbay.server.e2e.Harness;
import org.patchbay.server.e2e.SecondNode;
import org.patchbay.testkit.RecordedRequest;
import org.patchbay.testkit.SharedRedis;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two nodes sharing one Redis; the rooms run on node A, the REST requests land on node B, which must
 * show A's rooms and carry each change to A (as live call changes are carried), where A's PBX sees it.
 */
class RoomsOnTwoNodesIT {
    private static final String ACCOUNT = "AC" + "d".repeat(32);
    private static final String TOKEN = "c".repeat(32);
    @RegisterExtension
    static final SharedRedis REDIS = new SharedRedis();

    @TempDir
    Path dataDir;
    @TempDir
    Path otherDataDir;
    Harness a;
    SecondNode second;
    SimulatedAsterisk asteriskB;
    Patchbay b;
    LoopbackTwilioHttpClient http;
    TwilioRestClient viaB;
    TwilioSchemas schemas = TwilioSchemas.load();

    @BeforeEach
    void start() {
        Map<String, String> shared = Map.of("PATCHBAY_SECRETS_KEY", Harness.SHARED_SECRETS_KEY, "PATCHBAY_REDIS_URL", REDIS.url(), "PATCHBAY_REDIS_PREFIX", "rooms-" + System.nanoTime() + ":",
                "PATCHBAY_ACCOUNT_SID", ACCOUNT, "PATCHBAY_AUTH_TOKEN", TOKEN);
        a = Harness.start(dataDir, shared);
        second = SecondNode.start(shared, otherDataDir);
        b = second.patchbay;
        asteriskB = second.asterisk;
        http = new LoopbackTwilioHttpClient("http://127.0.0.1:" + b.httpPort());
        viaB = new TwilioRestClient.Builder(ACCOUNT, TOKEN).httpClient(http).build();
    }

    @AfterEach
    void stop() {
        http.exchanges.stream().filter(e -> e.status() == 200 || e.status() == 201)
                .forEach(e -> schemas.assertValid(e.method(), e.path(), e.status(), e.body()));
        if (second != null) {
            second.close();
        }
        a.close();
    }

    private static <T extends com.twilio.base.Resource> List<T> all(ResourceSet<T> set) {
        return StreamSupport.stream(set.spliterator(), false).toList();
    }

    private boolean pbxOfASaw(String method, String path) {
        return Harness.await(a.asterisk.requests()).stream().anyMatch(r -> r.method().equals(method) && r.path().equals(path));
    }

    @Test
    void nodeBMutesHoldsAndEndsARoomOfNodeA() {
        a.number("9300", "/room", null, null);
        a.app.respond("/room", "<Response><Dial><Conference beep=\"false\">across</Conference></Dial></Response>");
        InboundCall first = a.call("+15550000301", "9300");
        InboundCall second = a.call("+15550000302", "9300");
        String firstSid = a.recordOf(first.channelId(), r -> true).sid();
        a.waitUntil("both in A's bridge", () -> a.bridgedChannels().containsAll(List.of(first.channelId(), second.channelId())));

        List<Conference> listed = all(Conference.reader().setStatus(Conference.Status.IN_PROGRESS).read(viaB));
        assertEquals(1, listed.size(), "node B lists node A's room");
        String room = listed.get(0).getSid();
        a.waitUntil("two participants", () -> all(Participant.reader(room).read(viaB)).size() == 2);

        assertTrue(Participant.updater(room, firstSid).setMuted(true).update(viaB).getMuted());
        a.waitUntil("A's PBX mutes the caller", () -> pbxOfASaw("POST", "/channels/" + first.channelId() + "/mute"));
        assertTrue(Participant.updater(room, firstSid).setHold(true).update(viaB).getHold());
        a.waitUntil("the caller on hold on A", () -> !a.bridgedChannels().contains(first.channelId()));

        Conference ended = Conference.updater(room).setStatus(Conference.UpdateStatus.COMPLETED).update(viaB);
        assertEquals(Conference.Status.COMPLETED, ended.getStatus());
        a.finished(first.channelId());
        a.finished(second.channelId());
        assertEquals(List.of(), Harness.await(asteriskB.state()).channels(), "node B's PBX never saw the calls");
    }

    @Test
    void nodeBDequeuesACallerWaitingOnNodeA() {
        Queue queue = Queue.creator("across").create(viaB);
        a.number("9301", "/enqueue", null, null);
        a.app.respond("/enqueue", "<Response><Enqueue action=\"/enqueue-done\">across</Enqueue></Response>");
        a.app.respond("/enqueue-done", "<Response><Hangup/></Response>");
        a.app.respond("/agent-ready", "<Response><Play>sound:beep</Play></Response>");
        InboundCall caller = a.call("+15550000303", "9301");
        a.waitUntil("the caller in line", () -> all(Member.reader(queue.getSid()).read(viaB)).size() == 1);

        assertEquals(7, Queue.updater(queue.getSid()).setMaxSize(7).update(viaB).getMaxSize());

        Member.updater(queue.getSid(), "Front", URI.create(a.app.url("/agent-ready"))).setMethod(HttpMethod.POST).update(viaB);
        RecordedRequest action = Harness.await(a.app.awaitRequest("/enqueue-done"));
        assertEquals("redirected", action.param("QueueResult"));
        a.finished(caller.channelId());
        a.waitUntil("the line empty", () -> Queue.fetcher(queue.getSid()).fetch(viaB).getCurrentSize() == 0);
        assertEquals(7, Queue.fetcher(queue.getSid()).fetch(viaB).getMaxSize(), "node A kept node B's MaxSize");
        assertEquals(List.of("playback sound:beep done"), a.heardMedia(caller.channelId()).stream()
                .filter(e -> e.startsWith("playback")).toList());
    }
}
