package org.patchbay.core.call.verb;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.patchbay.core.call.CallControl;
import org.patchbay.core.call.Next;
import org.patchbay.core.conference.ConferenceMember;
import org.patchbay.core.conference.ConferenceRooms;
import org.patchbay.core.conference.JoinResult;
import org.patchbay.core.conference.MemberSpec;
import org.patchbay.core.events.ConferenceParticipantJoined;
import org.patchbay.core.events.ConferenceParticipantLeft;
import org.patchbay.core.twiml.Dial;
import org.patchbay.core.twiml.DialConference;

import org.patchbay.core.twiml.Play;
import org.patchbay.core.twiml.Say;
import org.patchbay.core.twiml.Verb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code <Dial><Conference>}: this call's seat in a named conference. It waits (hearing the wait
 * document or hold music) until the conference starts, talks while it runs, and moves on to
 * {@code action} or the next verb when it ends, when this call presses * with hangupOnStar, or
 * when the conference was full.
 */
final class ConferenceRun extends RoomSeat implements ConferenceMember {
    private final Dial dial;
    private final DialConference noun;
    private final ConferenceRooms rooms;
    private final Promise<Next> result = Promise.promise();
    private MemberSpec spec;
    private WaitLoop waiting;
    private Instant joinedAt;

    ConferenceRun(CallControl call, Dial dial, DialConference noun, ConferenceRooms rooms) {
        super(call);
        this.dial = dial;
        this.noun = noun;
        this.rooms = rooms;
    }

    Future<Next> start() {
        spec = new MemberSpec(call.account().sid(), call.account().authToken(), noun.name(), noun.muted(), noun.beep(),
                noun.startConferenceOnEnter(), noun.endConferenceOnExit(), noun.maxParticipants(),
                noun.record() != null && noun.record().startsWith("record-from"),
                noun.statusCallback() == null ? null : call.resolve(noun.statusCallback()), noun.statusCallbackMethod(),
                noun.statusCallbackEvent() == null ? Set.of() : Set.copyOf(noun.statusCallbackEvent()),
                noun.recordingStatusCallback() == null ? null : call.resolve(noun.recordingStatusCallback()),
                noun.recordingStatusCallbackMethod(), noun.recordingStatusCallbackEvent());
        call.whenEnded().onComplete(v -> rooms.leave(spec, callSid(), false));
        if (dial.hangupOnStar()) {
            call.onDtmf(key -> {
                if (key == '*') {
                    rooms.leave(spec, callSid(), true);
                }
            });
        }
        rooms.join(spec, this).onSuccess(joined -> {
            if (joined != JoinResult.FULL) {
                joinedAt = Instant.now();
                call.publish(new ConferenceParticipantJoined(call.record(), joinedAt, noun.name(), noun.muted(), joined == JoinResult.WAITING));
            }
            if (joined == JoinResult.FULL) {
                finish("failed");
            } else if (joined == JoinResult.WAITING) {
                waiting = new WaitLoop(call, noun.waitUrl(), noun.waitMethod(), Map::of);
                waiting.start();
            }
        });
        return result.future();
    }


    @Override
    public Future<Void> stopWaiting() {
        return waiting == null ? Future.succeededFuture() : waiting.stop();
    }

    @Override
    public Future<Void> hold(String url, String method) {
        if (result.future().isComplete()) {
            return Future.succeededFuture();
        }
        waiting = new WaitLoop(call, url, method, Map::of);
        waiting.start();
        return Future.succeededFuture();
    }

    @Override
    public Future<List<String>> announcement(String url, String method) {
        return call.fetchDocument(url, method, Map.of()).compose(document -> {
            List<Future<String>> media = new ArrayList<>();
            for (Verb verb : document.verbs()) {
                if (verb instanceof Say say) {
                    media.add(call.speech(say));
                } else if (verb instanceof Play play && play.url() != null) {
                    media.add(PlayMedia.of(call, call.resolve(play.url())));
                }
            }
            // Media that could not be had is null (its Notification is written): the rest is still announced.
            return Future.all(media).map(all -> media.stream().map(Future::result).filter(java.util.Objects::nonNull).toList());
        });
    }

    @Override
    public void removed() {
        finish("completed");
    }

    private void finish(String dialStatus) {
        if (result.future().isComplete()) {
            return;
        }
        call.onDtmf(null);
        if (waiting != null) {
            waiting.stop();
        }
        if (joinedAt != null) {
            call.publish(new ConferenceParticipantLeft(call.record(), Instant.now(), noun.name(), dialStatus));
        }
        result.complete(ActionRequest.next(call, dial.action(), dial.method(), Map.of("DialCallStatus", dialStatus), false));
    }
}
