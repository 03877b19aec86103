package org.patchbay.server.api.accounts;

import io.vertx.core.json.JsonObject;
import org.patchbay.core.account.Account;
import org.patchbay.server.api.http.TwilioDates;
import org.patchbay.server.api.http.Uris;

/** An Account as Twilio's {@code api.v2010.account} schema names its fields. */
final class AccountJson {
    private AccountJson() {
    }

    static JsonObject of(Account account) {
        String sid = account.sid();
        return new JsonObject()
                .put("auth_token", account.authToken())
                .put("date_created", TwilioDates.format(account.dateCreated()))
                .put("date_updated", TwilioDates.format(account.dateUpdated()))
                .put("friendly_name", account.friendlyName())
                .put("owner_account_sid", account.ownerAccountSid())
                .put("sid", sid)
                .put("status", account.status().name())
                .put("subresource_uris", new JsonObject()
                        .put("applications", Uris.collection(sid, "Applications"))
                        .put("calls", Uris.collection(sid, "Calls"))
                        .put("incoming_phone_numbers", Uris.collection(sid, "IncomingPhoneNumbers"))
                        .put("keys", Uris.collection(sid, "Keys"))
                        .put("notifications", Uris.collection(sid, "Notifications"))
                        .put("recordings", Uris.collection(sid, "Recordings")))
                .put("type", "Full")
                .put("uri", Uris.account(sid) + ".json");
    }
}
