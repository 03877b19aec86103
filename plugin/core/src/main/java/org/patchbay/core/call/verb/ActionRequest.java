package org.patchbay.core.call.verb;

import org.patchbay.core.call.CallControl;
import org.patchbay.core.call.Next;

import java.util.Map;

/**
 * Where a verb with an {@code action} attribute leads once it is over: without an action, to the
 * next verb; with one, to the action's document, fetched with the verb's results; and after the
 * caller hung up, Twilio still tells the action what happened but its answer is not run.
 */
final class ActionRequest {

    private ActionRequest() {
    }

    static Next next(CallControl call, String action, String method, Map<String, String> results, boolean callerGone) {
        if (action == null) {
            return Next.CONTINUE;
        }
        String url = call.resolve(action);
        if (callerGone) {
            call.callback(url, method, results);
            return Next.HANGUP;
        }
        return new Next.Fetch(url, method, results);
    }
}
