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

    /**
     * The REST API put the call on hold (the room took it out of the bridge first): play the hold
     * document at {@code url}, or hold music when it is null, until {@link #stopWaiting()}.
     */
    Future<Void> hold(String url, String method);

    /**
     * The media of the announcement document at {@code url} (its Say and Play), fetched and rendered by
     * this call as its own documents are; the room plays it.
     */
    Future<java.util.List<String>> announcement(String url, String method);

    /** The call is no longer in the conference (it ended, or this call was removed). */
    void removed();
}
