package org.patchbay.server.api;

import org.patchbay.core.livecall.LiveCalls;
import org.patchbay.core.recording.RecordingMedia;
import org.patchbay.core.store.Store;
import org.patchbay.server.api.events.EventStreamsPorts;
import org.patchbay.server.api.limits.ApiLimits;

import java.util.Objects;

/**
 * What the REST API needs from the rest of Patchbay.
 *
 * @param publicRecordingMedia serve recording audio without credentials, as Twilio does by default;
 *                             when false the account's Basic auth is required for the media too
 * @param publicBaseUrl        where clients reach this server (for the absolute {@code media_url} of recordings)
 * @param limits               the concurrency step and the Limits routes
 * @param eventStreams         the event router's side of the Event Streams API
 */
public record ApiDependencies(Store store, LiveCalls liveCalls, RecordingMedia recordingMedia,
                              boolean publicRecordingMedia, String publicBaseUrl, ApiLimits limits,
                              EventStreamsPorts eventStreams) {

    /** An API with no limits and no Limits routes, and without an event router (sinks cannot be tested). */
    public ApiDependencies(Store store, LiveCalls liveCalls, RecordingMedia recordingMedia,
                           boolean publicRecordingMedia, String publicBaseUrl) {
        this(store, liveCalls, recordingMedia, publicRecordingMedia, publicBaseUrl, ApiLimits.NONE);
    }

    /** Without an event router: sinks cannot be tested. */
    public ApiDependencies(Store store, LiveCalls liveCalls, RecordingMedia recordingMedia,
                           boolean publicRecordingMedia, String publicBaseUrl, ApiLimits limits) {
        this(store, liveCalls, recordingMedia, publicRecordingMedia, publicBaseUrl, limits, EventStreamsPorts.none());
    }

    public ApiDependencies {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(liveCalls, "liveCalls");
        Objects.requireNonNull(recordingMedia, "recordingMedia");
        Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(eventStreams, "eventStreams");
        publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }
}
