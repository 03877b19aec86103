package org.patchbay.core.call;

import io.vertx.core.Future;
import org.patchbay.core.livecall.RoomForwarding;
import org.patchbay.core.node.CallCommand;
import org.patchbay.core.node.NodeReply;

import java.util.function.Function;

/** What this node does with the live-call changes other nodes hand it: each kind goes to the part that carries it out. */
public final class ForwardedCommands implements Function<CallCommand, Future<NodeReply>> {
    private final RoomForwarding rooms;
    private final SessionStreams streams;
    private final LiveCallService calls;

    public ForwardedCommands(RoomForwarding rooms, SessionStreams streams, LiveCallService calls) {
        this.rooms = rooms;
        this.streams = streams;
        this.calls = calls;
    }

    @Override
    public Future<NodeReply> apply(CallCommand command) {
        if (RoomForwarding.KINDS.contains(command.kind())) {
            return rooms.applyHere(command).map(NodeReply::of);
        }
        return SessionStreams.handles(command) ? streams.applyHere(command) : calls.apply(command).map(NodeReply::of);
    }
}
