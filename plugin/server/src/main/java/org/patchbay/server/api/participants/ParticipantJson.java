package org.patchbay.server.api.participants;

import io.vertx.core.json.JsonObject;
import org.patchbay.core.conference.Participant;
import org.patchbay.server.api.http.TwilioDates;
import org.patchbay.server.api.http.Uris;

/**
 * A participant as Twilio's {@code api.v2010.account.conference.participant} schema names its fields.
 * Patchbay has no coaching: {@code coaching} is false and {@code call_sid_to_coach} null.
 */
final class ParticipantJson {
    private ParticipantJson() {
    }

    static JsonObject of(Participant participant) {
        return new JsonObject()
                .put("account_sid", participant.accountSid())
                .put("call_sid", participant.callSid())
                .put("label", participant.label())
                .put("call_sid_to_coach", null)
                .put("coaching", false)
                .put("conference_sid", participant.conferenceSid())
                .put("date_created", TwilioDates.format(participant.dateCreated()))
                .put("date_updated", TwilioDates.format(participant.dateUpdated()))
                .put("end_conference_on_exit", participant.endConferenceOnExit())
                .put("muted", participant.muted())
                .put("hold", participant.hold())
                .put("start_conference_on_enter", participant.startConferenceOnEnter())
                .put("status", participant.status())
                .put("queue_time", "0")
                .put("uri", Uris.account(participant.accountSid()) + "/Conferences/" + participant.conferenceSid()
                        + "/Participants/" + participant.callSid() + ".json");
    }
}
