package org.patchbay.core.call.stream;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.junit.jupiter.api.Test;
import org.patchbay.core.account.Account;
import org.patchbay.core.call.CallControl;
import org.patchbay.core.call.CallRecord;
import org.patchbay.core.call.CallStatus;
import org.patchbay.core.call.Direction;
import org.patchbay.core.error.PatchbayException;
import org.patchbay.core.stream.StreamConnector;
import org.patchbay.core.twiml.Stream;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules of a call's forks: how many may run, names, which stop finds which fork, what a nameless
 * {@code <Stop>} and the call's end stop, and how many stopped ones are remembered. The forks here never get as far
 * as the app's socket: the call's answer never completes, so only the bookkeeping runs.
 */
class CallForksTest {
    private final Promise<Void> callEnded = Promise.promise();
    private final List<String> connected = new ArrayList<>();
    private final StreamConnector connector = (url, headers) -> {
        connected.add(url);
        return Promise.<org.patchbay.core.stream.StreamSocket>promise().future();
    };
    private final CallControl call = callThatNeverAnswers();
    private final CallForks forks = new CallForks();

    @Test
    void atMostFourRunAndAStoppedOneMakesRoom() {
        List<StreamState> started = new ArrayList<>();
        for (int i = 0; i < CallForks.MAX_RUNNING; i++) {
            started.add(forks.start(call, stream(null), connector, true).result());
        }
        Future<StreamState> fifth = forks.start(call, stream(null), connector, true);
        PatchbayException refused = (PatchbayException) fifth.cause();
        assertEquals(400, refused.httpStatus());
        assertEquals(21200, refused.errorCode().code());
        forks.stop(started.get(0).sid());
        assertTrue(forks.start(call, stream(null), connector, false).succeeded());
    }

    @Test
    void aNameRunsOnceAtATimeAndStopPrefersTheRunningOne() {
        StreamState first = forks.start(call, stream("listener"), connector, true).result();
        assertTrue(forks.start(call, stream("listener"), connector, true).failed());
        assertEquals(StreamState.STOPPED, forks.stop("listener").status());
        StreamState second = forks.start(call, stream("listener"), connector, true).result();
        StreamState stopped = forks.stop("listener");
        assertEquals(second.sid(), stopped.sid(), "the running fork of that name, not the one stopped before");
        assertEquals(first.sid(), forks.stop(first.sid()).sid(), "a stopped fork is still found by its SID");
        assertNull(forks.stop("nobody"));
    }

    @Test
    void aNamelessStopEndsWhatTwimlStartedAndTheCallsEndEndsTheRest() {
        StreamState twiml = forks.start(call, stream("a"), connector, true).result();
        StreamState api = forks.start(call, stream("b"), connector, false).result();
        forks.stopStartedByTwiml();
        assertEquals(StreamState.STOPPED, forks.stop(twiml.sid()).status());
        assertTrue(forks.start(call, stream("a"), connector, true).succeeded(), "a's name is free again");
        assertTrue(forks.start(call, stream("b"), connector, true).failed(), "b still runs");
        callEnded.complete();
        assertTrue(forks.start(call, stream("b"), connector, true).succeeded(), "the call's end stopped b");
        assertEquals(api.sid(), forks.stop(api.sid()).sid());
    }

    @Test
    void onlyTheLastStoppedForksAreRemembered() {
        List<String> sids = new ArrayList<>();
        for (int i = 0; i <= CallForks.KEPT_STOPPED; i++) {
            String sid = forks.start(call, stream(null), connector, true).result().sid();
            forks.stop(sid);
            sids.add(sid);
        }
        forks.start(call, stream(null), connector, true);
        assertNull(forks.stop(sids.get(0)), "the oldest stopped fork is forgotten");
        assertEquals(sids.get(1), forks.stop(sids.get(1)).sid());
        assertTrue(connected.isEmpty(), "no fork got as far as the app's socket");
    }

    private static Stream stream(String name) {
        return new Stream("wss://fork.example.com/a", name, "inbound_track", null, null, Map.of());
    }

    /** Just what a fork asks of its call before the call answers; anything else is a mistake in the test. */
    private CallControl callThatNeverAnswers() {
        Instant now = Instant.now();
        CallRecord record = CallRecord.newCall("CA1", "AC1", Direction.INBOUND, CallStatus.IN_PROGRESS, now).build();
        Account account = new Account("AC1", "AC1", null, "Account", Account.Status.active, now, now);
        Future<Void> neverAnswered = Promise.<Void>promise().future();
        return (CallControl) Proxy.newProxyInstance(CallControl.class.getClassLoader(), new Class<?>[]{CallControl.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "record" -> record;
                    case "account" -> account;
                    case "answerNow" -> neverAnswered;
                    case "whenEnded" -> callEnded.future();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
