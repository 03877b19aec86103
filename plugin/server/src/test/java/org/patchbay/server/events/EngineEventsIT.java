package org.patchbay.server.events;

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

/** The call engine's own events reach the feed: a Gather's digits, a logged Notification. */
class EngineEventsIT {
    @TempDir
    Path dataDir;
    Harness h;
    final List<RoutedEvent> seen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        h = Harness.start(dataDir);
        h.patchbay.events().consume("engine-test", event -> {
            seen.add(event);
            return Future.succeededFuture();
        });
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void aGatherPublishesItsDigitsWhenItCompletes() {
        h.number("6000", "/voice", null, null);
        h.app.respond("/voice", "<Response><Gather numDigits=\"2\" action=\"/menu\"><Say>Two digits</Say></Gather></Response>");
        h.app.respond("/menu", "<Response><Hangup/></Response>");
        InboundCall call = h.call("+15550000004", "6000");
        h.waitUntil("the prompt", () -> !h.heardMedia(call.channelId()).isEmpty());
        Harness.await(h.asterisk.pressDigits(call.callerChannelId(), "42"));
        CallRecord done = h.finished(call.channelId());
        h.waitUntil("gather completed", () -> of("io.patchbay.call.gather.completed").size() == 1);
        RoutedEvent gathered = of("io.patchbay.call.gather.completed").get(0);
        assertEquals(done.sid(), gathered.subject());
        assertEquals("42", gathered.data().get("digits"));
        assertTrue(of("io.patchbay.call.instruction.fetched").get(0).sequence() < gathered.sequence(), "after the fetch of its document");
    }

    @Test
    void aFailedFetchLogsANotificationEvent() {
        h.number("6001", "/missing", null, null);
        h.app.respond("/missing", 404, "text/plain", "no");
        CallRecord done = h.finished(h.call("+15550000005", "6001").channelId());
        h.waitUntil("notification logged", () -> !of("io.patchbay.notification.logged").isEmpty());
        RoutedEvent logged = of("io.patchbay.notification.logged").get(0);
        assertEquals(done.sid(), logged.subject());
        assertEquals(11200, ((Number) logged.data().get("ErrorCode")).intValue());
        assertEquals("error", logged.data().get("Log"));
    }

    private List<RoutedEvent> of(String type) {
        return seen.stream().filter(e -> e.type().name().equals(type)).toList();
    }
}
