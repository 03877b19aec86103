package org.patchbay.server.api.numbers;

import io.vertx.core.json.JsonObject;
import org.patchbay.core.number.PhoneNumber;
import org.patchbay.server.api.http.TwilioDates;
import org.patchbay.server.api.http.Uris;

/**
 * An IncomingPhoneNumber as Twilio's {@code api.v2010.account.incoming_phone_number} names its fields.
 * Patchbay's numbers are the operator's own DIDs ({@code origin: hosted}), voice only, without
 * addresses, bundles, emergency registration or SMS.
 */
final class IncomingPhoneNumberJson {
    private IncomingPhoneNumberJson() {
    }

    static JsonObject of(PhoneNumber number) {
        return new JsonObject()
                .put("account_sid", number.accountSid())
                .put("address_sid", null)
                .put("address_requirements", "none")
                .put("api_version", Uris.API_VERSION)
                .put("beta", false)
                .put("capabilities", new JsonObject().put("mms", false).put("sms", false).put("voice", true).put("fax", false))
                .put("date_created", TwilioDates.format(number.dateCreated()))
                .put("date_updated", TwilioDates.format(number.dateUpdated()))
                .put("friendly_name", number.friendlyName())
                .put("identity_sid", null)
                .put("phone_number", number.phoneNumber())
                .put("origin", "hosted")
                .put("sid", number.sid())
                .put("sms_application_sid", null)
                .put("sms_fallback_method", null)
                .put("sms_fallback_url", null)
                .put("sms_method", null)
                .put("sms_url", null)
                .put("status_callback", number.statusCallback())
                .put("status_callback_method", number.statusCallbackMethod())
                .put("trunk_sid", null)
                .put("uri", Uris.resource(number.accountSid(), "IncomingPhoneNumbers", number.sid()))
                .put("voice_receive_mode", "voice")
                .put("voice_application_sid", number.voiceApplicationSid())
                .put("voice_caller_id_lookup", false)
                .put("voice_fallback_method", number.voiceFallbackMethod())
                .put("voice_fallback_url", number.voiceFallbackUrl())
                .put("voice_method", number.voiceMethod())
                .put("voice_url", number.voiceUrl())
                .put("emergency_status", "Inactive")
                .put("emergency_address_sid", null)
                .put("emergency_address_status", "unregistered")
                .put("bundle_sid", null)
                .put("status", "in-use")
                .put("type", null);
    }
}
