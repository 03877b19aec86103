package org.patchbay.server.dashboard;

import org.patchbay.server.api.auth.Caller;

/** Whose calls a dashboard viewer sees: the main account everything, a subaccount its own. */
record Scope(String accountSid, boolean everything) {

    static Scope of(Caller caller) {
        return new Scope(caller.account().sid(), caller.account().isMain());
    }

    boolean sees(String eventAccountSid) {
        return everything || accountSid.equals(eventAccountSid);
    }
}
