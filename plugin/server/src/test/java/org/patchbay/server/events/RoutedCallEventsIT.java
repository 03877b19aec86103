package org.patchbay.server.events;

import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Say;
import io.vertx.core.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchbay.asterisk.sim.InboundCall;
import org.patchbay.core.call.CallRecord;
import org.patchbay.core.events.RoutedEvent;
import org.patchbay.server.e2e.Harness;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A call's events reach the event feed with their id, source, per-call sequence and filter facts. */
class RoutedCallEventsIT {
    @TempDir
    Path dataDir;
    Harness h;

    @BeforeEach
    void start() {
        h = Harness.start(dataDir);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void aCallsEventsAreConsumedAndTailedInOrderWithTheirFacts() {
        List<RoutedEvent> consumed = new CopyOnWriteArrayList<>();
        List<RoutedEvent> tailed = new CopyOnWriteArrayList<>();
        h.patchbay.events().consume("test", event -> {
            consumed.add(event);
            return Future.succeededFuture();
        });
        h.patchbay.events().tail(tailed::add);
        h.number("1000", "/voice", null, null);
        h.app.respond("/voice", new VoiceResponse.Builder().say(new Say.Builder("Hi").build())
                .hangup(new Hangup.Builder().build()).build().toXml());

        InboundCall call = h.call("+15551234567", "1000");
        CallRecord done = h.finished(call.channelId());
        h.waitUntil("the completed event", () -> consumed.stream().anyMatch(e -> e.type().name().endsWith("call.completed")));

        List<RoutedEvent> mine = consumed.stream().filter(e -> done.sid().equals(e.subject())).toList();
        List<String> types = mine.stream().map(e -> e.type().name()).toList();
        assertTrue(types.contains("io.patchbay.call.instruction.fetched"), types.toString());
        assertTrue(types.contains("io.patchbay.channel.PlaybackFinished"), types.toString());
        RoutedEvent playback = mine.get(types.indexOf("io.patchbay.channel.PlaybackFinished"));
        assertEquals(done.sid(), playback.data().get("CallSid"));
        assertEquals(done.accountSid(), playback.data().get("AccountSid"));
        assertEquals("com.twilio.voice.status-callback.call.completed", types.get(types.size() - 1), types.toString());
        for (int i = 0; i < mine.size(); i++) {
            RoutedEvent event = mine.get(i);
            assertEquals(i + 1, event.sequence(), "sequence of " + event.type().name());
            assertEquals(h.patchbay.mainAccount().sid(), event.accountSid());
            assertEquals("inbound", event.facts().get("direction"));
            assertEquals("+15551234567", event.facts().get("from"));
            assertEquals("1000", event.facts().get("to"));
        }
        assertEquals(mine.size(), mine.stream().map(RoutedEvent::id).distinct().count());
        h.waitUntil("the tail too", () -> tailed.size() >= consumed.size());
    }
}
