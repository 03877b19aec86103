package org.patchbay.core.twiml;

import static org.patchbay.core.twiml.TwimlErrors.excerpt;
import static org.patchbay.core.twiml.TwimlErrors.schemaViolation;

/** The verbs that steer the call rather than speak: hang up, reject, redirect, and enter or leave a queue. */
final class ControlReaders {
    private static final Keywords REJECT_REASONS = Keywords.of("rejected", "busy");

    /** Twilio's limit on a queue's name. */
    private static final int MAX_QUEUE_NAME_CHARS = 64;

    private ControlReaders() {
    }

    static Hangup hangup(XmlCursor cursor, Attributes attributes) throws TwimlException {
        cursor.readNothing("Hangup");
        return new Hangup();
    }

    static Leave leave(XmlCursor cursor, Attributes attributes) throws TwimlException {
        cursor.readNothing("Leave");
        return new Leave();
    }

    static Reject reject(XmlCursor cursor, Attributes attributes) throws TwimlException {
        String reason = attributes.keyword("reason", "rejected", REJECT_REASONS);
        cursor.readNothing("Reject");
        return new Reject(reason);
    }

    static Redirect redirect(XmlCursor cursor, Attributes attributes) throws TwimlException {
        String method = attributes.method("method");
        String url = cursor.readText("Redirect");
        if (url.isEmpty()) {
            throw schemaViolation("<Redirect> needs a URL as its text");
        }
        if (!TwimlUrlRules.isHttpOrRelative(url)) {
            throw schemaViolation("<Redirect> URL must be an http(s) URL or a relative URL, got '" + excerpt(url) + "'");
        }
        return new Redirect(url, method);
    }

    /** Without a waitUrl the executor plays its own hold music, so waitUrl stays null when absent. */
    static Enqueue enqueue(XmlCursor cursor, Attributes attributes) throws TwimlException {
        String action = attributes.url("action");
        String method = attributes.method("method");
        String waitUrl = attributes.url("waitUrl");
        String waitUrlMethod = attributes.method("waitUrlMethod");
        String queue = queueName("Enqueue", cursor.readText("Enqueue"));
        return new Enqueue(queue, action, method, waitUrl, waitUrlMethod);
    }

    /** Checks a queue name given as text, for {@code <Enqueue>} and {@code <Dial><Queue>} alike. */
    static String queueName(String element, String name) throws TwimlException {
        if (name.isEmpty()) {
            throw schemaViolation("<" + element + "> needs a queue name as its text");
        }
        if (name.length() > MAX_QUEUE_NAME_CHARS) {
            throw schemaViolation("<" + element + "> queue name is longer than " + MAX_QUEUE_NAME_CHARS + " characters");
        }
        return name;
    }
}
