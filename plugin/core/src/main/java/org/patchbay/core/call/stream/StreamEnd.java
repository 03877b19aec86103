package org.patchbay.core.call.stream;

/** Why a stream ended. */
public enum StreamEnd {
    /** The application closed the WebSocket: the call goes on with the next verb (or the action URL). */
    APP_CLOSED,
    /** The call ended; the app got {@code stop}. */
    CALL_ENDED,
    /** The call moved on (a REST redirect): the app got {@code stop}; the {@code <Connect>} action is not requested. */
    MOVED_ON,
    /** The external media channel went (hung up on the PBX); the app got {@code stop}. */
    MEDIA_GONE,
    /**
     * Patchbay ended a one-way fork ({@code <Stop><Stream>}, the REST API, the call's end, a lost leg); the app got
     * {@code stop}.
     */
    STOPPED,
    /** The app stopped reading and was disconnected (Notification {@link StreamErrors#APP_NOT_READING}). */
    APP_STALLED
}
