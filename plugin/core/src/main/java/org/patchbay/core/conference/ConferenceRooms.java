package org.patchbay.core.conference;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.patchbay.core.error.ErrorCode;
import org.patchbay.core.error.PatchbayException;
import io.vertx.core.Promise;
import org.patchbay.core.sid.Sids;
import org.patchbay.core.telephony.EventRoutes;
import org.patchbay.core.telephony.EventSink;
import org.patchbay.core.telephony.TelephonyEvent;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * The live conferences of this node, by account and name. All rooms share one context, so joining,
 * leaving and ending never race; calls reach it by hopping over and get answers back on their own.
 */
public final class ConferenceRooms implements LiveConferences {
    private final ConferenceServices services;
    private final EventRoutes routes;
    private final Map<String, ConferenceRoom> rooms = new HashMap<>();
    /** SIDs the REST API already answered for rooms its dialled calls will open, by room key. */
    private final Map<String, String> reservedSids = new HashMap<>();
    /** Labels the REST API gave calls it dialled, until they join, by call SID. */
    private final Map<String, String> pendingLabels = new HashMap<>();
    /** Bridge events are not needed by rooms; the claim only marks the bridge as in use. */
    private static final EventSink BRIDGE_OWNER = event -> { };

    public ConferenceRooms(ConferenceServices services, EventRoutes routes) {
        this.services = services;
        this.routes = routes;
    }

    public Future<JoinResult> join(MemberSpec spec, ConferenceMember member) {
        Promise<JoinResult> result = Promise.promise();
        services.context().runOnContext(v -> {
            ConferenceRoom room = rooms.computeIfAbsent(key(spec), k -> {
                Instant now = Instant.now();
                String reserved = reservedSids.remove(k);
                return new ConferenceRoom(services, this, new Conference(reserved != null ? reserved : Sids.next(Sids.CONFERENCE),
                        spec.accountSid(), spec.name(), "init", null, null, now, now));
            });
            JoinResult joined = room.join(spec, member, pendingLabels.remove(member.callSid()));
            member.context().runOnContext(back -> result.complete(joined));
        });
        return result.future();
    }

    /** The call left its conference: its call ended ({@code channelAlive} false) or it hung up on the conference. */
    public void leave(MemberSpec spec, String callSid, boolean channelAlive) {
        services.context().runOnContext(v -> {
            ConferenceRoom room = rooms.get(key(spec));
            if (room != null) {
                room.leave(callSid, channelAlive, false);
            }
        });
    }

    @Override
    public Future<Conference> end(String accountSid, String conferenceSid) {
        return onRoom(accountSid, conferenceSid, room -> {
            room.endByRequest();
            // The room stored its end without waiting; the answer waits for the record, so that a node the
            // request was forwarded from reads the conference completed.
            return services.store().of(Conference.KIND).put(room.record()).map(room.record());
        });
    }

    @Override
    public Future<Participant> change(String accountSid, String conferenceSid, String callSid, ParticipantChange change) {
        return onRoom(accountSid, conferenceSid, room -> {
            Participant changed = room.change(callSid, change);
            return changed == null ? Future.failedFuture(notInRoom(conferenceSid, callSid))
                    : services.store().of(Participant.KIND).put(changed).map(changed);
        });
    }

    @Override
    public Future<String> prepare(String accountSid, String name, String callSid, String label, long holdMillis) {
        Context back = Vertx.currentContext();
        Promise<String> answer = Promise.promise();
        services.context().runOnContext(v -> {
            String key = accountSid + '\u0000' + name;
            ConferenceRoom room = rooms.get(key);
            String known = room != null ? room.record().sid() : reservedSids.get(key);
            Future<String> sid = known != null ? Future.succeededFuture(known) : reserve(key, accountSid, name, holdMillis);
            if (label != null && (room == null || !room.label(callSid, label))) {
                pendingLabels.put(callSid, label);
                services.context().owner().setTimer(holdMillis, t -> services.context().runOnContext(x -> pendingLabels.remove(callSid, label)));
            }
            sid.onComplete(done -> (back == null ? services.context() : back).runOnContext(x -> answer.handle(done)));
        });
        return answer.future();
    }

    /**
     * A SID for the room a dialled call will open, listed at once as {@code init} (as Twilio lists it);
     * if no call opened the room by {@code holdMillis}, the record of a room that never ran is deleted.
     */
    private Future<String> reserve(String key, String accountSid, String name, long holdMillis) {
        String sid = Sids.next(Sids.CONFERENCE);
        reservedSids.put(key, sid);
        Instant now = Instant.now();
        Future<String> listed = services.store().of(Conference.KIND)
                .put(new Conference(sid, accountSid, name, "init", null, null, now, now)).map(sid);
        services.context().owner().setTimer(holdMillis, t -> services.context().runOnContext(x -> {
            if (reservedSids.remove(key, sid)) {
                services.store().of(Conference.KIND).delete(sid);
            }
        }));
        return listed;
    }

    @Override
    public Future<Void> announce(String accountSid, String conferenceSid, String callSid, String url, String method) {
        return onRoom(accountSid, conferenceSid, room -> room.announce(callSid, url, method) ? Future.succeededFuture()
                : Future.failedFuture(callSid == null ? LiveConferences.notLive(conferenceSid) : notInRoom(conferenceSid, callSid)));
    }

    @Override
    public Future<Void> kick(String accountSid, String conferenceSid, String callSid) {
        return onRoom(accountSid, conferenceSid, room -> room.leave(callSid, true, true)
                ? Future.succeededFuture() : Future.failedFuture(notInRoom(conferenceSid, callSid)));
    }

    /** Runs {@code work} on the rooms' context with the live room of that SID; answers on the asker's context. */
    private <T> Future<T> onRoom(String accountSid, String conferenceSid, Function<ConferenceRoom, Future<T>> work) {
        Context back = Vertx.currentContext();
        Promise<T> answer = Promise.promise();
        services.context().runOnContext(v -> {
            ConferenceRoom room = rooms.values().stream()
                    .filter(r -> r.record().sid().equals(conferenceSid) && r.record().accountSid().equals(accountSid))
                    .findFirst().orElse(null);
            Future<T> done = room == null ? Future.failedFuture(LiveConferences.notLive(conferenceSid)) : work.apply(room);
            done.onComplete(result -> {
                if (back == null) {
                    answer.handle(result);
                } else {
                    back.runOnContext(x -> answer.handle(result));
                }
            });
        });
        return answer.future();
    }

    private static PatchbayException notInRoom(String conferenceSid, String callSid) {
        return new PatchbayException(404, ErrorCode.NOT_FOUND, "Participant " + callSid + " is not in conference " + conferenceSid);
    }

    /** The SID of the live conference with this name, or null. */
    public Future<String> liveSid(String accountSid, String name) {
        Promise<String> result = Promise.promise();
        services.context().runOnContext(v -> {
            ConferenceRoom room = rooms.get(accountSid + '\u0000' + name);
            result.complete(room == null ? null : room.record().sid());
        });
        return result.future();
    }

    void closed(ConferenceRoom room) {
        rooms.values().remove(room);
        routes.release(room.bridgeId(), BRIDGE_OWNER);
    }

    /** Conference bridges are claimed so that a sweep after an outage knows they are in use. */
    void bridgeCreated(ConferenceRoom room) {
        routes.claim(room.bridgeId(), BRIDGE_OWNER);
    }

    /** Settles a conference recording when Asterisk reports it finished. */
    void onRecordingFinished(String name, IntConsumer settle) {
        EventSink sink = new EventSink() {
            @Override
            public void deliver(TelephonyEvent event) {
                services.context().runOnContext(v -> {
                    if (event instanceof TelephonyEvent.RecordingFinished finished) {
                        routes.release(name, this);
                        settle.accept(finished.durationSeconds());
                    } else if (event instanceof TelephonyEvent.RecordingFailed) {
                        routes.release(name, this);
                        settle.accept(0);
                    }
                });
            }
        };
        routes.claim(name, sink);
    }

    private static String key(MemberSpec spec) {
        return spec.accountSid() + '\u0000' + spec.name();
    }
}
