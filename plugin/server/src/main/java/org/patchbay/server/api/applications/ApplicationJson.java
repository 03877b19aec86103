package org.patchbay.server.api.applications;

import io.vertx.core.json.JsonObject;
import org.patchbay.core.application.Application;
import org.patchbay.server.api.http.TwilioDates;
import org.patchbay.server.api.http.Uris;

/** An Application as Twilio's {@code api.v2010.account.application} names its fields; Patchbay has no SMS. */
final class ApplicationJson {
    private ApplicationJson() {
    }

    static JsonObject of(Application app) {
        return new JsonObject()
                .put("account_sid", app.accountSid())
                .put("api_version", Uris.API_VERSION)
                .put("date_created", TwilioDates.format(app.dateCreated()))
                .put("date_updated", TwilioDates.format(app.dateUpdated()))
                .put("friendly_name", app.friendlyName())
                .put("message_status_callback", null)
                .put("sid", app.sid())
                .put("sms_fallback_method", null)
                .put("sms_fallback_url", null)
                .put("sms_method", null)
                .put("sms_status_callback", null)
                .put("sms_url", null)
                .put("status_callback", app.statusCallback())
                .put("status_callback_method", app.statusCallbackMethod())
                .put("uri", Uris.resource(app.accountSid(), "Applications", app.sid()))
                .put("voice_caller_id_lookup", false)
                .put("voice_fallback_method", app.voiceFallbackMethod())
                .put("voice_fallback_url", app.voiceFallbackUrl())
                .put("voice_method", app.voiceMethod())
                .put("voice_url", app.voiceUrl())
                .put("public_application_connect_enabled", false);
    }
}
