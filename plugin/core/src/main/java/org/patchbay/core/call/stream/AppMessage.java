package org.patchbay.core.call.stream;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import java.util.Base64;

/** A message from the application on a bidirectional stream: {@code media}, {@code mark} or {@code clear}. */
sealed interface AppMessage {

    /** Audio to play to the caller, µ-law 8 kHz. */
    record Media(byte[] ulaw) implements AppMessage {
    }

    record Mark(String name) implements AppMessage {
    }

    record Clear() implements AppMessage {
    }

    /** Not something Patchbay acts on: {@code why} says what was wrong, or null for an event it ignores. */
    record Ignored(String why) implements AppMessage {
    }

    static AppMessage parse(String text) {
        JsonObject message;
        try {
            message = new JsonObject(text);
        } catch (DecodeException | ClassCastException notJson) {
            return new Ignored("a message that is not a JSON object");
        }
        Object event = message.getValue("event");
        if (!(event instanceof String name)) {
            return new Ignored("a message without an event");
        }
        return switch (name) {
            case "media" -> media(message.getValue("media"));
            case "mark" -> mark(message.getValue("mark"));
            case "clear" -> new Clear();
            default -> new Ignored(null);
        };
    }

    private static AppMessage media(Object media) {
        if (media instanceof JsonObject body && body.getValue("payload") instanceof String payload) {
            try {
                return new Media(Base64.getDecoder().decode(payload));
            } catch (IllegalArgumentException notBase64) {
                return new Ignored("a media message whose payload is not base64");
            }
        }
        return new Ignored("a media message without a payload");
    }

    private static AppMessage mark(Object mark) {
        if (mark instanceof JsonObject body && body.getValue("name") instanceof String name) {
            return new Mark(name);
        }
        return new Ignored("a mark message without a name");
    }
}
