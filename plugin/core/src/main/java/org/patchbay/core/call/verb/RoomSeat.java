package org.patchbay.core.call.verb;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import org.patchbay.core.call.CallControl;

/**
 * A verb run that other calls reach through a room or a queue: which call it is, and the context
 * (the call's own, captured when the verb starts) on which they must talk to it.
 */
abstract class RoomSeat {
    protected final CallControl call;
    protected final Context context = Vertx.currentContext();

    RoomSeat(CallControl call) {
        this.call = call;
    }

    public String callSid() {
        return call.record().sid();
    }

    public String channelId() {
        return call.channelId();
    }

    public Context context() {
        return context;
    }
}
