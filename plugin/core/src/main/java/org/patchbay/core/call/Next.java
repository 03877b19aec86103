package org.patchbay.core.call;

import java.util.Map;

/** What a call does after a verb: the next verb, a new document from a URL, or hang up. */
public sealed interface Next {

    Next CONTINUE = new Continue();
    Next HANGUP = new Hangup();

    record Continue() implements Next {
    }

    record Hangup() implements Next {
    }

    /** Fetch a new document (Redirect, an action URL) with extra parameters such as {@code Digits}. */
    record Fetch(String url, String method, Map<String, String> params) implements Next {
    }
}
