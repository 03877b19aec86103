package org.patchbay.core.call;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.patchbay.core.node.CallTracker;
import org.patchbay.core.node.NodeDrain;
import org.patchbay.core.webhook.InFlightWebhooks;
import org.patchbay.core.webhook.Webhook;
import org.patchbay.core.webhook.WebhookOutcome;
import org.patchbay.core.node.NodeBus;
import org.patchbay.core.endpoint.EndpointDirectory;
import org.patchbay.core.endpoint.EndpointTemplates;
import org.patchbay.core.twiml.TwimlParser;
import org.patchbay.testkit.telephony.MemoryCall;
import org.patchbay.testkit.telephony.PbxCommand;
import io.vertx.core.Future;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A draining router hangs new channels up busy and leaves live calls alone; the drain then ends them. */
class DrainingRouterTest {
    private static final String LONG_PAUSE = "<Response><Pause length=\"60\"/></Response>";
    private final CallEngine engine = new CallEngine();
    private final List<String> tracked = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        engine.close();
    }

    private MemoryCall call(String from) {
        return engine.pbx.inbound(from, "1000", c -> { }, "url=" + ScriptedApp.BASE + "/voice", "method=POST",
                "statusCallback=" + ScriptedApp.BASE + "/status");
    }

    @Test
    void newChannelsAreHungUpBusyWhileLiveCallsGoOnThenTheDrainEndsThemWithTheirCallback() {
        engine.app.respond("/voice", LONG_PAUSE);
        engine.router.track(new CallTracker() {
            @Override
            public void started(CallRecord call, CallApp app) {
                tracked.add("started " + call.sid() + " " + app.statusCallback());
            }

            @Override
            public void ended(String callSid) {
                tracked.add("ended " + callSid);
            }
        });
        MemoryCall live = call("+15550001111");
        engine.waitUntil("the call answered", () -> engine.record(live) != null && engine.record(live).status() == CallStatus.IN_PROGRESS);
        CallRecord running = engine.record(live);
        assertEquals(List.of("started " + running.sid() + " " + ScriptedApp.BASE + "/status"), tracked);

        engine.router.refuseNewCalls();
        MemoryCall refused = call("+15550002222");
        engine.waitUntil("the new channel hung up", refused::gone);
        assertTrue(engine.pbx.commands("hangup").contains(new PbxCommand("hangup", refused.channelId(), "busy")),
                engine.pbx.commands().toString());
        assertEquals(1, engine.app.requests("/voice").size(), "nothing fetched for the refused channel");
        assertTrue(live.isUp());

        LiveCallService liveCalls = new LiveCallService(engine.router, engine.store,
                EndpointDirectory.of(EndpointTemplates.defaults()), new TwimlParser(), NodeBus.alone());
        InFlightWebhooks idle = new InFlightWebhooks(webhook -> Future.succeededFuture(new WebhookOutcome(true, 1, 200, null)));
        assertEquals(1, engine.router.liveSessions().size());
        long started = System.nanoTime();
        CallEngine.await(new NodeDrain(engine.vertx, engine.router, liveCalls, idle).drain(Duration.ofMillis(300)));
        assertTrue(System.nanoTime() - started >= Duration.ofMillis(300).toNanos(), "the live call ran for the drain time: " + (System.nanoTime() - started) / 1_000_000 + " ms, live " + engine.router.liveSessions().size() + " " + engine.record(live));

        CallRecord ended = engine.finished(live);
        assertEquals(CallStatus.COMPLETED, ended.status());
        List<Webhook> completed = engine.webhooks.stream().filter(w -> "completed".equals(w.params().get("CallStatus"))).toList();
        assertEquals(1, completed.size(), engine.webhooks.toString());
        assertEquals(ScriptedApp.BASE + "/status", completed.get(0).url());
        engine.waitUntil("the call's end told", () -> tracked.contains("ended " + running.sid()));
        engine.assertClean();
    }
}
