package org.patchbay.adapters.http;

/**
 * The start of a response body that may be kept in a Notification, where any account's API
 * client can read it: text only, never binary content (an image, an archive, a key file) from
 * whatever the URL pointed at.
 */
final class ResponseExcerpt {
    private ResponseExcerpt() {
    }

    /** The start of the body as text, or null when the body is empty or not text. */
    static String of(HttpReply reply, int maxChars) {
        if (reply.body().length() == 0 || !declaredText(reply.contentType())) {
            return null;
        }
        String text = reply.text();
        String start = text.length() <= maxChars ? text : text.substring(0, maxChars);
        return hasControlCharacters(start) ? null : start;
    }

    private static boolean declaredText(String contentType) {
        if (contentType == null) {
            return true; // judged by its characters below
        }
        String type = ContentTypes.mediaType(contentType);
        return type.startsWith("text/") || type.endsWith("/xml") || type.endsWith("+xml")
                || type.endsWith("/json") || type.endsWith("+json") || type.equals("application/x-www-form-urlencoded")
                || type.equals("application/javascript");
    }

    private static boolean hasControlCharacters(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                return true;
            }
        }
        return false;
    }
}
