package org.patchbay.server.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchbay.asterisk.sim.InboundCall;
import org.patchbay.core.conference.Conference;
import org.patchbay.core.conference.Participant;
import org.patchbay.testkit.RecordedRequest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A three-party conference: a caller waiting for the moderator, the moderator, and a muted listener. */
class ConferenceIT {
    @TempDir
    Path dataDir;
    Harness h;

    @BeforeEach
    void start() {
        h = Harness.start(dataDir);
        h.app.respond("/conf-events", 204, "text/plain", "");
        h.number("9100", "/waiter", null, null);
        h.number("9101", "/moderator", null, null);
        h.number("9102", "/listener", null, null);
        String events = " statusCallback=\"/conf-events\" statusCallbackEvent=\"start end join leave\"";
        h.app.respond("/waiter", "<Response><Dial><Conference startConferenceOnEnter=\"false\"" + events
                + ">standup</Conference></Dial><Play>sound:vm-goodbye</Play></Response>");
        h.app.respond("/moderator", "<Response><Dial><Conference endConferenceOnExit=\"true\">standup</Conference></Dial></Response>");
        h.app.respond("/listener", "<Response><Dial><Conference muted=\"true\" beep=\"false\">standup</Conference></Dial>"
                + "<Play>sound:vm-goodbye</Play></Response>");
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void waitingStartingMutingAndEndingWithTheModerator() {
        InboundCall waiter = h.call("+15550000101", "9100");
        h.waitUntil("hold music for the early caller", () -> h.heardMedia(waiter.channelId()).stream().anyMatch(e -> e.startsWith("moh")));
        assertTrue(Harness.await(h.asterisk.state()).bridges().isEmpty(), "no bridge before the conference starts");

        InboundCall moderator = h.call("+15550000102", "9101");
        h.waitUntil("the conference bridge", () -> Harness.await(h.asterisk.state()).bridges().size() == 1);
        h.waitUntil("the hold music to stop", () -> h.heardMedia(waiter.channelId()).stream().anyMatch(e -> e.startsWith("moh") && e.endsWith("stopped")));

        InboundCall listener = h.call("+15550000103", "9102");
        h.waitUntil("the listener muted", () -> Harness.await(h.asterisk.requests()).stream()
                .anyMatch(r -> r.method().equals("POST") && r.path().equals("/channels/" + listener.channelId() + "/mute")));

        Conference live = Harness.await(h.patchbay.store().of(Conference.KIND).list(h.patchbay.mainAccount().sid(), c -> true, 0, 5)).items().get(0);
        assertEquals("in-progress", live.status());
        assertEquals("standup", live.friendlyName());

        Harness.await(h.asterisk.hangUp(moderator.callerChannelId()));
        h.finished(waiter.channelId());
        h.finished(listener.channelId());
        for (InboundCall carriedOn : List.of(waiter, listener)) {
            List<String> heard = h.heardMedia(carriedOn.channelId()).stream().filter(e -> e.startsWith("playback")).toList();
            assertEquals("playback sound:vm-goodbye done", heard.get(heard.size() - 1), heard.toString());
        }
        Conference ended = Harness.await(h.patchbay.store().of(Conference.KIND).get(live.sid()));
        assertEquals("completed", ended.status());
        assertEquals("participant-with-end-conference-on-exit-left", ended.reasonConferenceEnded());
        assertTrue(Harness.await(h.patchbay.store().of(Participant.KIND).list(h.patchbay.mainAccount().sid(), p -> true, 0, 10))
                .items().stream().allMatch(p -> p.status().equals("complete")));

        List<RecordedRequest> callbacks = Harness.await(h.app.awaitRequests("/conf-events", 8, Duration.ofSeconds(10)));
        List<String> events = callbacks.stream().map(r -> r.param("StatusCallbackEvent")).toList();
        assertEquals("participant-join", events.get(0));
        assertTrue(events.contains("conference-start") && events.indexOf("conference-start") < events.indexOf("conference-end"), events.toString());
        assertEquals(3, events.stream().filter("participant-join"::equals).count(), events.toString());
        assertEquals(3, events.stream().filter("participant-leave"::equals).count(), events.toString());
        for (int i = 0; i < callbacks.size(); i++) {
            assertEquals(Integer.toString(i), callbacks.get(i).param("SequenceNumber"));
            assertEquals(live.sid(), callbacks.get(i).param("ConferenceSid"));
        }
        h.assertNothingLeaked();
    }

    @Test
    void aFullConferenceSendsTheNextCallerOnToItsNextVerb() {
        h.number("9103", "/small", null, null);
        h.app.respond("/small", "<Response><Dial><Conference maxParticipants=\"1\">tiny</Conference></Dial>"
                + "<Play>sound:vm-goodbye</Play></Response>");
        InboundCall first = h.call("+15550000104", "9103");
        h.waitUntil("the first caller in", () -> Harness.await(h.asterisk.state()).bridges().size() == 1);
        InboundCall second = h.call("+15550000105", "9103");
        h.finished(second.channelId());
        assertEquals(List.of("playback sound:vm-goodbye done"), h.heardMedia(second.channelId()));
        Harness.await(h.asterisk.hangUp(first.callerChannelId()));
        h.finished(first.channelId());
    }
}
