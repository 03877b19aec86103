package org.patchbay.core.livecall;

import io.vertx.core.Future;
import org.patchbay.core.call.CallRecord;
import org.patchbay.core.conference.Conference;
import org.patchbay.core.conference.LiveConferences;
import org.patchbay.core.conference.Participant;
import org.patchbay.core.conference.ParticipantChange;
import org.patchbay.core.node.CallCommand;
import org.patchbay.core.node.NodeBus;
import org.patchbay.core.queue.LiveQueues;
import org.patchbay.core.queue.Queue;
import org.patchbay.core.queue.QueueMember;
import org.patchbay.core.store.Store;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Room changes the REST API asks for, wherever the room is: tried on this node's rooms first; a room
 * held by another node is reached, as live call changes are, through the node that runs a call in it
 * (the call's record names its node), which carries the change out on its own rooms.
 */
public final class RoomForwarding implements LiveConferences, LiveQueues {
    public static final String CONFERENCE_END = "conference-end";
    public static final String PARTICIPANT_CHANGE = "participant-change";
    public static final String PARTICIPANT_KICK = "participant-kick";
    public static final String MEMBER_REDIRECT = "member-redirect";
    public static final String ANNOUNCE = "announce";
    /** The command kinds {@link #applyHere} takes. */
    public static final Set<String> KINDS = Set.of(CONFERENCE_END, PARTICIPANT_CHANGE, PARTICIPANT_KICK, MEMBER_REDIRECT, ANNOUNCE);

    private final LiveConferences conferences;
    private final LiveQueues queues;
    private final Store store;
    private final NodeBus nodes;
    private final String nodeId;

    public RoomForwarding(LiveConferences conferences, LiveQueues queues, Store store, NodeBus nodes, String nodeId) {
        this.conferences = conferences;
        this.queues = queues;
        this.store = store;
        this.nodes = nodes;
        this.nodeId = nodeId;
    }

    @Override
    public Future<Conference> end(String accountSid, String conferenceSid) {
        return conferences.end(accountSid, conferenceSid).recover(failure ->
                forwardToRoom(failure, accountSid, conferenceSid, CONFERENCE_END, Map.of("conference", conferenceSid))
                        .compose(v -> store.of(Conference.KIND).get(conferenceSid)));
    }

    @Override
    public Future<Void> announce(String accountSid, String conferenceSid, String callSid, String url, String method) {
        Map<String, String> args = new HashMap<>(Map.of("conference", conferenceSid, "url", url, "method", method));
        if (callSid != null) {
            args.put("participant", callSid);
        }
        return conferences.announce(accountSid, conferenceSid, callSid, url, method).recover(failure -> callSid == null
                ? forwardToRoom(failure, accountSid, conferenceSid, ANNOUNCE, args)
                : forward(failure, accountSid, callSid, ANNOUNCE, args));
    }

    /** Sends a change of the whole room through any call connected to it. */
    private Future<Void> forwardToRoom(Throwable failure, String accountSid, String conferenceSid, String kind, Map<String, String> args) {
        return store.of(Participant.KIND)
                .list(accountSid, p -> p.conferenceSid().equals(conferenceSid) && "connected".equals(p.status()), 0, 1)
                .compose(page -> page.items().isEmpty() ? Future.failedFuture(failure)
                        : forward(failure, accountSid, page.items().get(0).callSid(), kind, args));
    }

    @Override
    public Future<Participant> change(String accountSid, String conferenceSid, String callSid, ParticipantChange change) {
        return conferences.change(accountSid, conferenceSid, callSid, change).recover(failure ->
                forward(failure, accountSid, callSid, PARTICIPANT_CHANGE, args(conferenceSid, change))
                        .compose(v -> store.of(Participant.KIND).get(callSid)));
    }

    @Override
    public Future<Void> kick(String accountSid, String conferenceSid, String callSid) {
        return conferences.kick(accountSid, conferenceSid, callSid).recover(failure ->
                forward(failure, accountSid, callSid, PARTICIPANT_KICK, Map.of("conference", conferenceSid)));
    }

    /** The API's dialled call runs on this node, so its room is this node's. */
    @Override
    public Future<String> prepare(String accountSid, String name, String callSid, String label, long holdMillis) {
        return conferences.prepare(accountSid, name, callSid, label, holdMillis);
    }

    @Override
    public Future<Queue> save(Queue queue) {
        return queues.save(queue);
    }

    @Override
    public Future<Boolean> remove(Queue queue) {
        return queues.remove(queue);
    }

    @Override
    public Future<QueueMember> redirect(String accountSid, String queueSid, String callSid, String url, String method) {
        return queues.redirect(accountSid, queueSid, callSid, url, method).recover(failure ->
                forward(failure, accountSid, callSid, MEMBER_REDIRECT, Map.of("queue", queueSid, "url", url, "method", method))
                        .map(v -> new QueueMember(callSid, accountSid, queueSid, 0, null, null)));
    }

    /** Carries out a room command another node forwarded; answers with the record of the call it went through. */
    public Future<CallRecord> applyHere(CallCommand command) {
        String account = command.accountSid();
        String callSid = command.callSid();
        Map<String, String> a = command.args();
        Future<?> done = switch (command.kind()) {
            case CONFERENCE_END -> conferences.end(account, a.get("conference"));
            case PARTICIPANT_CHANGE -> conferences.change(account, a.get("conference"), callSid, change(a));
            case PARTICIPANT_KICK -> conferences.kick(account, a.get("conference"), callSid);
            case ANNOUNCE -> conferences.announce(account, a.get("conference"), a.get("participant"), a.get("url"), a.get("method"));
            case MEMBER_REDIRECT -> queues.redirect(account, a.get("queue"), callSid, a.get("url"), a.get("method"));
            default -> Future.failedFuture(new IllegalArgumentException("unknown room command " + command.kind()));
        };
        return done.compose(v -> store.of(CallRecord.KIND).get(account, callSid));
    }

    /** Sends the change to the node running {@code callSid}; when that is this node or none, the local failure stands. */
    private Future<Void> forward(Throwable failure, String accountSid, String callSid, String kind, Map<String, String> args) {
        if (callSid == null) {
            return Future.failedFuture(failure);
        }
        return store.of(CallRecord.KIND).get(accountSid, callSid).compose(call -> {
            if (call == null || call.node() == null || call.node().equals(nodeId) || call.status() == null || call.status().isFinal()) {
                return Future.failedFuture(failure);
            }
            return nodes.send(call.node(), CallCommand.room(kind, accountSid, callSid, args)).mapEmpty();
        });
    }

    private static Map<String, String> args(String conferenceSid, ParticipantChange change) {
        Map<String, String> args = new HashMap<>();
        args.put("conference", conferenceSid);
        put(args, "muted", change.muted());
        put(args, "hold", change.hold());
        put(args, "holdUrl", change.holdUrl());
        put(args, "holdMethod", change.holdMethod());
        put(args, "beepOnExit", change.beepOnExit());
        put(args, "endConferenceOnExit", change.endConferenceOnExit());
        return args;
    }

    private static void put(Map<String, String> args, String name, Object value) {
        if (value != null) {
            args.put(name, value.toString());
        }
    }

    private static ParticipantChange change(Map<String, String> a) {
        return new ParticipantChange(bool(a.get("muted")), bool(a.get("hold")), a.get("holdUrl"), a.get("holdMethod"),
                bool(a.get("beepOnExit")), bool(a.get("endConferenceOnExit")));
    }

    private static Boolean bool(String value) {
        return value == null ? null : Boolean.valueOf(value);
    }
}
