package org.patchbay.core.call.verb;

import io.vertx.core.Future;
import org.patchbay.core.call.CallControl;

/**
 * A mixing bridge joining this call to one other channel (a dialled party, a dequeued caller). It is
 * claimed while open, so a sweep after an outage knows it is in use, and released exactly once.
 */
final class CallBridge {
    private final CallControl call;
    private final String id;
    private boolean open;

    CallBridge(CallControl call, String purpose) {
        this.call = call;
        this.id = call.record().sid() + "-" + purpose;
    }

    String id() {
        return id;
    }

    Future<Void> join(String otherChannelId) {
        open = true;
        call.listen(id, event -> { }, false);
        return call.pbx().createBridge(id)
                .compose(v -> call.pbx().addToBridge(id, call.channelId()))
                .compose(v -> call.pbx().addToBridge(id, otherChannelId));
    }

    void release() {
        if (open) {
            open = false;
            call.pbx().destroyBridge(id);
            call.unlisten(id);
        }
    }
}
