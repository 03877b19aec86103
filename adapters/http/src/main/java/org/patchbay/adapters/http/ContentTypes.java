package org.patchbay.adapters.http;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Reads a Content-Type header value: its media type and its charset. */
final class ContentTypes {
    private ContentTypes() {
    }

    /** True for {@code text/xml} and {@code application/xml}, whatever their case and parameters. */
    static boolean isXml(String contentType) {
        String mediaType = mediaType(contentType);
        return mediaType.equals("text/xml") || mediaType.equals("application/xml");
    }

    /**
     * True for what Twilio accepts from a voice URL: TwiML ({@code text/xml}, {@code application/xml},
     * {@code text/html}), {@code text/plain} (spoken) and {@code audio/*} (played).
     */
    static boolean isVoiceResponse(String contentType) {
        String mediaType = mediaType(contentType);
        return isXml(contentType) || mediaType.equals("text/html") || mediaType.equals("text/plain") || isAudio(contentType);
    }

    static boolean isAudio(String contentType) {
        return mediaType(contentType).startsWith("audio/");
    }

    /** The lower-case {@code type/subtype}, without parameters; empty when there is none. */
    static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        String mediaType = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return mediaType.trim().toLowerCase(Locale.ROOT);
    }

    /** The declared charset, or UTF-8 when none is declared or it is unknown. */
    static Charset charset(String contentType) {
        if (contentType == null) {
            return StandardCharsets.UTF_8;
        }
        for (String parameter : contentType.split(";")) {
            String[] nameValue = parameter.trim().split("=", 2);
            if (nameValue.length == 2 && nameValue[0].trim().equalsIgnoreCase("charset")) {
                try {
                    return Charset.forName(nameValue[1].trim().replace("\"", ""));
                } catch (IllegalArgumentException unknownCharset) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}
