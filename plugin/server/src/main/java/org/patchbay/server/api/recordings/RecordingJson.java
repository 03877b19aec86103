package org.patchbay.server.api.recordings;

import io.vertx.core.json.JsonObject;
import org.patchbay.core.recording.Recording;
import org.patchbay.server.api.http.TwilioDates;
import org.patchbay.server.api.http.Uris;

import java.util.Set;

/**
 * A recording as Twilio names its fields: {@code api.v2010.account.recording} under /Recordings and
 * {@code api.v2010.account.call.call_recording} under /Calls/{CallSid}/Recordings. Statuses Twilio
 * does not know (Patchbay's {@code failed}) read as {@code absent}: there is no audio.
 */
final class RecordingJson {
    private static final Set<String> STATUSES = Set.of("in-progress", "paused", "stopped", "processing", "completed", "absent");
    private static final Set<String> SOURCES = Set.of("DialVerb", "Conference", "OutboundAPI", "Trunking", "RecordVerb",
            "StartCallRecordingAPI", "StartConferenceRecordingAPI");

    private RecordingJson() {
    }

    static JsonObject of(Recording r, String publicBaseUrl) {
        String path = Uris.account(r.accountSid()) + "/Recordings/" + r.sid();
        return common(r)
                .put("status", "deleted".equals(r.status()) ? "deleted" : status(r))
                .put("uri", path + ".json")
                .put("encryption_details", null)
                .put("subresource_uris", new JsonObject())
                .put("media_url", publicBaseUrl + path);
    }

    static JsonObject ofCall(Recording r) {
        return common(r)
                .put("status", status(r))
                .put("uri", Uris.account(r.accountSid()) + "/Calls/" + r.callSid() + "/Recordings/" + r.sid() + ".json")
                .put("encryption_details", null)
                .put("track", "both");
    }

    private static JsonObject common(Recording r) {
        return new JsonObject()
                .put("account_sid", r.accountSid())
                .put("api_version", Uris.API_VERSION)
                .put("call_sid", r.callSid())
                .put("conference_sid", r.conferenceSid())
                .put("date_created", TwilioDates.format(r.dateCreated()))
                .put("date_updated", TwilioDates.format(r.dateUpdated()))
                .put("start_time", TwilioDates.format(r.startTime()))
                .put("duration", r.duration() == null ? null : String.valueOf(r.duration()))
                .put("sid", r.sid())
                .put("price", null)
                .put("price_unit", "USD")
                .put("channels", r.channels())
                .put("source", SOURCES.contains(r.source()) ? r.source() : null)
                .put("error_code", null);
    }

    private static String status(Recording r) {
        return STATUSES.contains(r.status()) ? r.status() : "absent";
    }
}
