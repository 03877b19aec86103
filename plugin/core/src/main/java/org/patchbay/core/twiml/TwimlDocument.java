package org.patchbay.core.twiml;

import java.util.List;

/**
 * A parsed {@code <Response>}: its verbs in order, and the warnings (error 12200 and the like)
 * worth logging as Notifications although the document can run.
 */
public record TwimlDocument(List<Verb> verbs, List<TwimlWarning> warnings) {

    public TwimlDocument {
        verbs = List.copyOf(verbs);
        warnings = List.copyOf(warnings);
    }

    public record TwimlWarning(int code, String message) {
    }
}
