package org.patchbay.core.conference;

import io.vertx.core.Context;
import io.vertx.core.Future;

/**
 * A call in a conference as the conference sees it. The room runs on its own context and calls
 * these methods through {@link #context()}, so each call's state stays on the call's own context.
 */
public interface ConferenceMember {

    String callSid();

    String channelId();

    Context context();

    /** The conference started: stop the wait music; the room adds the call to the bridge afterwards. */
    Future<Void> stopWaiting();

    /** The call is no longer in the conference (it ended, or this call was removed). */
    void removed();
}
