package org.patchbay.server.api.conferences;

import io.vertx.core.json.JsonObject;
import org.patchbay.core.conference.Conference;
import org.patchbay.server.api.http.TwilioDates;
import org.patchbay.server.api.http.Uris;

/** A conference as Twilio's {@code api.v2010.account.conference} schema names its fields; Patchbay has no regions. */
final class ConferenceJson {
    private ConferenceJson() {
    }

    static JsonObject of(Conference conference) {
        String base = Uris.account(conference.accountSid()) + "/Conferences/" + conference.sid();
        return new JsonObject()
                .put("account_sid", conference.accountSid())
                .put("date_created", TwilioDates.format(conference.dateCreated()))
                .put("date_updated", TwilioDates.format(conference.dateUpdated()))
                .put("api_version", Uris.API_VERSION)
                .put("friendly_name", conference.friendlyName())
                .put("region", null)
                .put("sid", conference.sid())
                .put("status", conference.status())
                .put("uri", base + ".json")
                .put("subresource_uris", new JsonObject()
                        .put("participants", base + "/Participants.json")
                        .put("recordings", base + "/Recordings.json"))
                .put("reason_conference_ended", conference.reasonConferenceEnded())
                .put("call_sid_ending_conference", conference.callSidEndingConference());
    }
}
