package org.patchbay.core.call;

import org.patchbay.core.account.Account;
import org.patchbay.core.twiml.TwimlDocument;

/**
 * Where an inbound call goes: the account it belongs to, its application, and, for calls nobody
 * routed, a fixed document to run instead of fetching one.
 */
public record InboundRoute(Account account, CallApp app, String phoneNumberSid, String to, TwimlDocument fixedDocument) {

    public boolean routed() {
        return fixedDocument == null;
    }
}
