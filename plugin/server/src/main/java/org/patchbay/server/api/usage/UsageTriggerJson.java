package org.patchbay.server.api.usage;

import io.vertx.core.json.JsonObject;
import org.patchbay.core.usage.UsageTrigger;
import org.patchbay.core.usage.UsageUris;
import org.patchbay.server.api.http.TwilioDates;
import org.patchbay.server.api.http.Uris;

/** A usage trigger as Twilio's {@code api.v2010.account.usage.usage_trigger} names its fields. */
final class UsageTriggerJson {
    private UsageTriggerJson() {
    }

    /** @param currentValue the watched counter now, in the trigger's units */
    static JsonObject of(UsageTrigger trigger, long currentValue) {
        return new JsonObject()
                .put("account_sid", trigger.accountSid())
                .put("api_version", Uris.API_VERSION)
                .put("callback_method", trigger.callbackMethod())
                .put("callback_url", trigger.callbackUrl())
                .put("current_value", trigger.format(currentValue))
                .put("date_created", TwilioDates.format(trigger.dateCreated()))
                .put("date_fired", TwilioDates.format(trigger.dateFired()))
                .put("date_updated", TwilioDates.format(trigger.dateUpdated()))
                .put("friendly_name", trigger.friendlyName())
                .put("recurring", trigger.recurring() == null ? null : trigger.recurring().wire())
                .put("sid", trigger.sid())
                .put("trigger_by", trigger.triggerBy().wire())
                .put("trigger_value", trigger.triggerValue().toPlainString())
                .put("uri", UsageUris.trigger(trigger.accountSid(), trigger.sid()))
                .put("usage_category", trigger.category())
                .put("usage_record_uri", UsageUris.watchedRecord(trigger));
    }
}
