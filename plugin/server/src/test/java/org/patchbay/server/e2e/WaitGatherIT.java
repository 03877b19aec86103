package org.patchbay.server.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchbay.asterisk.sim.InboundCall;
import org.patchbay.core.events.GatherStarted;
import org.patchbay.testkit.RecordedRequest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code <Gather>} in a queue's wait document: keys go to its action, whose answer is part of the wait. */
class WaitGatherIT {
    @TempDir
    Path dataDir;
    Harness h;

    @BeforeEach
    void start() {
        h = Harness.start(dataDir);
        h.number("9400", "/caller", null, null);
        h.number("9401", "/agent", null, null);
        h.app.respond("/caller", "<Response><Enqueue waitUrl=\"/wait\" action=\"/left\">sales</Enqueue></Response>");
        h.app.respond("/left", "<Response><Play>sound:vm-goodbye</Play></Response>");
        h.app.respond("/agent", "<Response><Dial><Queue>sales</Queue></Dial></Response>");
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void aKeyGoesToTheActionWhoseLeaveTakesTheCallerOutOfTheQueue() {
        h.app.respond("/wait", "<Response><Gather numDigits=\"1\" action=\"/choice\"><Play>sound:beep</Play></Gather></Response>");
        h.app.respond("/choice", "<Response><Play>sound:beep</Play><Leave/></Response>");
        InboundCall caller = h.call("+15550009401", "9400");
        h.awaitActivity(caller.channelId(), GatherStarted.class);
        Harness.await(h.asterisk.pressDigits(caller.callerChannelId(), "1"));

        RecordedRequest choice = Harness.await(h.app.awaitRequest("/choice"));
        assertEquals("1", choice.param("Digits"));
        assertEquals("1", choice.param("QueuePosition"), "the wait parameters come along: " + choice.params());
        assertTrue(choice.param("QueueSid").startsWith("QU"), choice.params().toString());
        RecordedRequest left = Harness.await(h.app.awaitRequest("/left"));
        assertEquals("leave", left.param("QueueResult"));
        h.finished(caller.channelId());
        List<String> heard = h.heardMedia(caller.channelId());
        assertEquals("playback sound:vm-goodbye done", heard.get(heard.size() - 1));
        h.assertNothingLeaked();
    }

    @Test
    void withoutInputTheWaitGoesOnAndTheDocumentIsFetchedAgain() {
        h.app.respond("/wait", "<Response><Gather numDigits=\"1\" timeout=\"1\" action=\"/choice\"/><Play>sound:beep</Play></Response>");
        InboundCall caller = h.call("+15550009402", "9400");
        Harness.await(h.app.awaitRequests("/wait", 2, Duration.ofSeconds(10)));
        assertTrue(h.heardMedia(caller.channelId()).contains("playback sound:beep done"), "the verb after the Gather played");
        assertTrue(h.app.requests("/choice").isEmpty());
        Harness.await(h.asterisk.hangUp(caller.callerChannelId()));
        h.finished(caller.channelId());
    }

    @Test
    void anAgentTakesACallerWhoseGatherWaitsForKeys() {
        h.app.respond("/wait", "<Response><Gather numDigits=\"1\" timeout=\"30\" action=\"/choice\">"
                + "<Play>sound:beep</Play></Gather></Response>");
        InboundCall caller = h.call("+15550009405", "9400");
        h.awaitActivity(caller.channelId(), GatherStarted.class);
        InboundCall agent = h.call("+15550009406", "9401");
        long asked = System.nanoTime();
        h.waitUntil("the bridge", () -> h.bridgedChannels().containsAll(List.of(agent.channelId(), caller.channelId())));
        assertTrue(System.nanoTime() - asked < Duration.ofSeconds(5).toNanos(), "bridged at once, not after the Gather's 30 s");
        Harness.await(h.asterisk.hangUp(agent.callerChannelId()));
        h.finished(caller.channelId());
        h.finished(agent.channelId());
    }

    @Test
    void anAgentTakesTheCallerInTheMiddleOfAGather() {
        h.app.respond("/wait", "<Response><Gather numDigits=\"1\" timeout=\"30\" action=\"/choice\">"
                + "<Play loop=\"0\">sound:tt-monkeys</Play></Gather></Response>");
        InboundCall caller = h.call("+15550009403", "9400");
        h.waitUntil("the prompt", () -> Harness.await(h.asterisk.state()).playbacks().size() == 1);
        InboundCall agent = h.call("+15550009404", "9401");
        long asked = System.nanoTime();
        h.waitUntil("the bridge", () -> h.bridgedChannels().containsAll(List.of(agent.channelId(), caller.channelId())));
        assertTrue(System.nanoTime() - asked < Duration.ofSeconds(5).toNanos(), "bridged at once, not after the Gather's 30 s");
        Harness.await(h.asterisk.pressDigits(caller.callerChannelId(), "1"));
        Harness.sleep(Duration.ofMillis(300));
        assertTrue(h.app.requests("/choice").isEmpty(), "the Gather ended when the caller was taken");
        assertTrue(h.heardMedia(caller.channelId()).contains("playback sound:tt-monkeys stopped"),
                h.heardMedia(caller.channelId()).toString());
        Harness.await(h.asterisk.hangUp(agent.callerChannelId()));
        h.finished(caller.channelId());
        h.finished(agent.channelId());
        h.assertNothingLeaked();
    }
}
