package org.patchbay.core.call;

import java.util.Map;

import org.patchbay.core.account.Account;
import org.patchbay.core.twiml.TwimlDocument;

/**
 * Where an inbound call goes: the account it belongs to, its application, and, for calls nobody
 * routed, a fixed document to run instead of fetching one. A call placed by a registered client has
 * its own From ({@code client:alice}) and its token's parameters for the first request.
 */
public record InboundRoute(Account account, CallApp app, String phoneNumberSid, String to, TwimlDocument fixedDocument,
                           String from, Map<String, String> params) {

    public InboundRoute {
        params = params == null ? Map.of() : Map.copyOf(params);
    }

    /** A call whose From is the caller's number and whose first request has the usual parameters only. */
    public InboundRoute(Account account, CallApp app, String phoneNumberSid, String to, TwimlDocument fixedDocument) {
        this(account, app, phoneNumberSid, to, fixedDocument, null, Map.of());
    }

    public boolean routed() {
        return fixedDocument == null;
    }
}
