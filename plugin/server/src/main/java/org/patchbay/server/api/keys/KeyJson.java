package org.patchbay.server.api.keys;

import io.vertx.core.json.JsonObject;
import org.patchbay.core.account.ApiKey;
import org.patchbay.server.api.http.TwilioDates;

/** A Key as Twilio's {@code api.v2010.account.key} names its fields; {@code new_key} adds the secret. */
final class KeyJson {
    private KeyJson() {
    }

    static JsonObject of(ApiKey key) {
        return new JsonObject()
                .put("sid", key.sid())
                .put("friendly_name", key.friendlyName())
                .put("date_created", TwilioDates.format(key.dateCreated()))
                .put("date_updated", TwilioDates.format(key.dateUpdated()));
    }

    /** Only the answer to the creation shows the secret: it is never readable again. */
    static JsonObject withSecret(ApiKey key) {
        return of(key).put("secret", key.secret());
    }
}
