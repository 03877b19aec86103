package org.patchbay.asterisk.sim.engine;

import io.vertx.core.json.JsonObject;

/** Where a channel is in the dialplan, as the {@code dialplan} object of a channel snapshot. */
record Dialplan(String context, String exten, int priority, String appName, String appData) {

    static Dialplan at(String context, String exten) {
        return new Dialplan(context, exten, 1, "", "");
    }

    Dialplan running(int newPriority, String app, String data) {
        return new Dialplan(context, exten, newPriority, app, data);
    }

    Dialplan running(String app, String data) {
        return running(priority, app, data);
    }

    JsonObject toJson() {
        return new JsonObject()
                .put("context", context)
                .put("exten", exten)
                .put("priority", priority)
                .put("app_name", appName)
                .put("app_data", appData);
    }
}
