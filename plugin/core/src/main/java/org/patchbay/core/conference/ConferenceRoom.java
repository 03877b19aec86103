package org.patchbay.core.conference;

import io.vertx.core.Future;
import org.patchbay.core.recording.Recording;
import org.patchbay.core.telephony.RecordRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One live conference: an ARI mixing bridge and the calls in it. Calls whose noun does not start the
 * conference wait outside the bridge (hearing the wait document or hold music) until one that does
 * arrives; the conference ends when its last call leaves or a call with endConferenceOnExit does.
 * Everything here runs on the rooms' own context.
 */
final class ConferenceRoom {
    private static final Logger LOG = LoggerFactory.getLogger(ConferenceRoom.class);

    /** A call's place in the room; {@code participant} is what the store shows of it. */
    private record Seat(MemberSpec spec, ConferenceMember member, boolean inBridge, Participant participant) {
        Seat inBridge(boolean now) {
            return new Seat(spec, member, now, participant);
        }
    }

    private final ConferenceServices services;
    private final ConferenceRooms rooms;
    private final ConferenceEvents events;
    private final Map<String, Seat> seats = new LinkedHashMap<>();
    private Conference record;
    private boolean started;
    private boolean ended;
    private int playbacks;

    ConferenceRoom(ConferenceServices services, ConferenceRooms rooms, Conference record) {
        this.services = services;
        this.rooms = rooms;
        this.record = record;
        this.events = new ConferenceEvents(services.webhooks(), () -> this.record);
        services.store().of(Conference.KIND).put(record);
    }

    String bridgeId() {
        return record.sid();
    }

    Conference record() {
        return record;
    }

    /** @param label the name the REST API gave the call when it dialled it in, or null */
    JoinResult join(MemberSpec spec, ConferenceMember member, String label) {
        if (ended || seats.size() >= spec.maxParticipants()) {
            return JoinResult.FULL;
        }
        events.configure(spec);
        Instant now = Instant.now();
        Participant participant = new Participant(member.callSid(), spec.accountSid(), record.sid(), spec.muted(), false,
                spec.startConferenceOnEnter(), spec.endConferenceOnExit(), label, "connected", now, now);
        seats.put(member.callSid(), new Seat(spec, member, false, participant));
        services.store().of(Participant.KIND).put(participant);
        events.report("participant-join", "join", spec, member.callSid());
        if (started) {
            seat(member.callSid());
            return JoinResult.LIVE;
        }
        if (spec.startConferenceOnEnter()) {
            start(spec);
            return JoinResult.LIVE;
        }
        return JoinResult.WAITING;
    }

    /** The first call that may start the conference has arrived: open the bridge and bring everyone in. */
    private void start(MemberSpec starter) {
        started = true;
        record = record.with("in-progress", null, null);
        services.store().of(Conference.KIND).put(record);
        rooms.bridgeCreated(this);
        services.telephony().createBridge(bridgeId(), "mixing", record.friendlyName()).onComplete(created -> {
            if (created.failed()) {
                LOG.error("conference {}: cannot create its bridge: {}", record.sid(), created.cause().getMessage());
                end("bridge-failed", null);
                return;
            }
            events.report("conference-start", "start", starter, null);
            if (starter.record()) {
                startRecording(starter);
            }
            new ArrayList<>(seats.keySet()).forEach(this::seat);
        });
    }

    /** Takes a call out of waiting (or off hold) into the bridge, muted if it asked to be. */
    private void seat(String callSid) {
        Seat seat = seats.get(callSid);
        if (seat == null || seat.inBridge() || seat.participant().hold()) {
            return;
        }
        seats.put(callSid, seat.inBridge(true));
        ask(seat.member(), seat.member()::stopWaiting)
                .compose(v -> services.telephony().addToBridge(bridgeId(), seat.member().channelId()))
                .compose(v -> seat.spec().muted() ? services.telephony().mute(seat.member().channelId(), "in") : Future.succeededFuture())
                .onSuccess(v -> {
                    if (seat.spec().beepsOnEnter() && !ended) {
                        beep();
                    }
                })
                .onFailure(e -> LOG.debug("conference {}: could not seat {}: {}", record.sid(), callSid, e.getMessage()));
    }

    /**
     * A call left: its call ended ({@code channelAlive} false), it was taken out (hangupOnStar), or the
     * REST API kicked it ({@code kicked}). Answers whether the call was in the room.
     */
    boolean leave(String callSid, boolean channelAlive, boolean kicked) {
        Seat seat = seats.remove(callSid);
        if (seat == null) {
            return false;
        }
        if (channelAlive && seat.inBridge()) {
            services.telephony().removeFromBridge(bridgeId(), seat.member().channelId());
        }
        departed(seat);
        if (seat.spec().endConferenceOnExit() && started) {
            end(kicked ? "participant-with-end-conference-on-exit-kicked" : "participant-with-end-conference-on-exit-left", callSid);
        } else if (seats.isEmpty()) {
            end(kicked ? "last-participant-kicked" : "last-participant-left", callSid);
        } else if (seat.spec().beepsOnExit() && started) {
            beep();
        }
        return true;
    }

    /** Names a call already in the room (the REST API dialled it in); false when it is not here. */
    boolean label(String callSid, String label) {
        Seat seat = seats.get(callSid);
        if (seat == null) {
            return false;
        }
        Participant labelled = seat.participant().labelled(label);
        seats.put(callSid, new Seat(seat.spec(), seat.member(), seat.inBridge(), labelled));
        services.store().of(Participant.KIND).put(labelled);
        return true;
    }

    /**
     * Plays the document at {@code url} to everyone (callSid null; a call of the room fetches and renders
     * it) or to one participant. False when there is no one to play it to: the call is not here, or the
     * conference has not started.
     */
    boolean announce(String callSid, String url, String method) {
        Seat speaker = callSid == null ? seats.values().stream().findFirst().orElse(null) : seats.get(callSid);
        if (speaker == null || callSid == null && !started) {
            return false;
        }
        ask(speaker.member(), () -> speaker.member().announcement(url, method)).onSuccess(media -> {
            if (media.isEmpty() || ended) {
                return;
            }
            String playbackId = bridgeId() + "-announce" + (++playbacks);
            if (callSid == null) {
                services.telephony().playOnBridge(bridgeId(), playbackId, media, null);
            } else {
                services.telephony().play(speaker.member().channelId(), playbackId, media, null);
            }
        }).onFailure(e -> LOG.debug("conference {}: announcement {} failed: {}", record.sid(), url, e.getMessage()));
        return true;
    }

    /** The REST API ended the conference. */
    void endByRequest() {
        end("conference-ended-via-api", null);
    }

    /** Applies a change the REST API asked for (the caller stores the result); null when the call is not in this room. */
    Participant change(String callSid, ParticipantChange change) {
        Seat seat = seats.get(callSid);
        if (seat == null) {
            return null;
        }
        Participant before = seat.participant();
        boolean muted = change.muted() == null ? before.muted() : change.muted();
        boolean hold = change.hold() == null ? before.hold() : change.hold();
        boolean endOnExit = change.endConferenceOnExit() == null ? before.endConferenceOnExit() : change.endConferenceOnExit();
        String beep = change.beepOnExit() == null ? seat.spec().beep() : seat.spec().beepWithExit(change.beepOnExit());
        MemberSpec spec = seat.spec().with(muted, beep, endOnExit);
        Seat changed = new Seat(spec, seat.member(), seat.inBridge(), before.changed(muted, hold, endOnExit));
        if (muted != before.muted()) {
            String channel = seat.member().channelId();
            (muted ? services.telephony().mute(channel, "in") : services.telephony().unmute(channel, "in"))
                    .onFailure(e -> LOG.debug("conference {}: could not (un)mute {}: {}", record.sid(), callSid, e.getMessage()));
            events.report(muted ? "participant-mute" : "participant-unmute", "mute", spec, callSid, hold);
        }
        if (hold && !before.hold()) {
            changed = changed.inBridge(false);
            putOnHold(seat, change.holdUrl(), change.holdMethod());
            events.report("participant-hold", "hold", spec, callSid, true);
        }
        seats.put(callSid, changed);
        if (!hold && before.hold()) {
            // Before the conference starts the held call keeps its hold audio until the start seats everyone.
            events.report("participant-unhold", "hold", spec, callSid, false);
            if (started) {
                seat(callSid);
            }
        }
        return changed.participant();
    }

    /** Out of the bridge (or out of the wait), then the hold document or music. */
    private void putOnHold(Seat seat, String holdUrl, String holdMethod) {
        ConferenceMember member = seat.member();
        Future<Void> out = seat.inBridge() ? services.telephony().removeFromBridge(bridgeId(), member.channelId()) : Future.succeededFuture();
        out.compose(v -> ask(member, () -> member.stopWaiting().compose(x -> member.hold(holdUrl, holdMethod))))
                .onFailure(e -> LOG.debug("conference {}: could not hold {}: {}", record.sid(), member.callSid(), e.getMessage()));
    }

    private void end(String reason, String endingCallSid) {
        if (ended) {
            return;
        }
        ended = true;
        List<Seat> remaining = new ArrayList<>(seats.values());
        seats.clear();
        for (Seat seat : remaining) {
            if (seat.inBridge()) {
                services.telephony().removeFromBridge(bridgeId(), seat.member().channelId());
            }
            departed(seat);
        }
        if (started) {
            services.telephony().destroyBridge(bridgeId());
        }
        record = record.with("completed", reason, endingCallSid);
        services.store().of(Conference.KIND).put(record);
        events.report("conference-end", "end", null, endingCallSid);
        rooms.closed(this);
    }

    private void departed(Seat seat) {
        String callSid = seat.member().callSid();
        services.store().of(Participant.KIND).put(seat.participant().withStatus("complete"));
        events.report("participant-leave", "leave", seat.spec(), callSid, seat.participant().hold());
        tell(seat.member(), seat.member()::removed);
    }

    private void beep() {
        services.telephony().playOnBridge(bridgeId(), bridgeId() + "-beep" + (++playbacks), List.of("sound:beep"), null);
    }

    private void startRecording(MemberSpec spec) {
        Recording recording = services.recordings().begin(spec.accountSid(), null, record.sid(), "Conference");
        List<String> events = spec.recordingStatusCallbackEvents();
        rooms.onRecordingFinished(recording.mediaName(), seconds -> services.recordings().finish(recording, seconds)
                .onSuccess(done -> {
                    if (events.contains(done.status())) {
                        notifyRecording(spec, done);
                    }
                }));
        // The recording starts on the bridge before anyone is seated, and Asterisk tells an app about a bridge only
        // once a channel of its has joined: RecordingStarted may never come. Asterisk's 201 says it is recording.
        services.telephony().recordBridge(bridgeId(), new RecordRequest(recording.mediaName(), "wav", 0, 0, false, "none"))
                .onSuccess(v -> {
                    if (events.contains("in-progress")) {
                        notifyRecording(spec, recording);
                    }
                });
    }

    private void notifyRecording(MemberSpec spec, Recording current) {
        services.recordings().notifyStatus(current, spec.recordingStatusCallback(), spec.recordingStatusCallbackMethod(),
                spec.authToken());
    }

    /** Runs {@code action} on the member's context and brings its result back here. */
    private <T> Future<T> ask(ConferenceMember member, java.util.function.Supplier<Future<T>> action) {
        io.vertx.core.Promise<T> answer = io.vertx.core.Promise.promise();
        member.context().runOnContext(v -> action.get().onComplete(done ->
                services.context().runOnContext(back -> answer.handle(done))));
        return answer.future();
    }

    private static void tell(ConferenceMember member, Runnable action) {
        member.context().runOnContext(v -> action.run());
    }
}
