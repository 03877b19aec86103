package org.patchbay.asterisk.sim.engine;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/**
 * One text command from the app: {@code MARK_MEDIA mark-1} in plain text, or
 * {@code {"command":"MARK_MEDIA","correlation_id":"mark-1"}} in JSON mode. {@code name} is null when
 * a JSON-mode message is not a JSON command.
 */
record MediaCommand(String name, String argument, String direction) {

    static MediaCommand parse(String text, boolean json) {
        if (json) {
            try {
                JsonObject command = new JsonObject(text);
                return new MediaCommand(command.getString("command"), command.getString("correlation_id"),
                        command.getString("direction"));
            } catch (DecodeException | ClassCastException notJson) {
                return new MediaCommand(null, null, null);
            }
        }
        String trimmed = text.strip();
        int space = trimmed.indexOf(' ');
        String name = space < 0 ? trimmed : trimmed.substring(0, space);
        String argument = space < 0 ? "" : trimmed.substring(space + 1).strip();
        return new MediaCommand(name, argument, argument);
    }
}
