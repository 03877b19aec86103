package org.patchbay.core.instructions;

import org.patchbay.core.twiml.XmlText;
import java.util.Locale;

/**
 * Turns a voice URL's answer into TwiML as Twilio does: {@code text/plain} is spoken as one
 * {@code <Say>}, {@code audio/*} is played from the URL it came from, anything else accepted is
 * TwiML already ({@code text/xml}, {@code application/xml}, {@code text/html}).
 */
public final class VoiceResponses {
    private VoiceResponses() {
    }

    public static String twiml(Instructions instructions) {
        String mediaType = mediaType(instructions.contentType());
        if (mediaType.equals("text/plain")) {
            String text = instructions.body().strip();
            return text.isEmpty() ? "<Response/>" : "<Response><Say>" + XmlText.escape(text) + "</Say></Response>";
        }
        if (mediaType.startsWith("audio/")) {
            return "<Response><Play>" + XmlText.escape(instructions.url()) + "</Play></Response>";
        }
        return instructions.body();
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

}
