package org.patchbay.server.api.http;

import org.patchbay.core.account.Account;
import org.patchbay.server.api.auth.Caller;

import java.util.Map;

/**
 * A request that passed routing, authentication and parameter decoding.
 *
 * @param caller  whose credentials came with it (null only for public recording media)
 * @param account the account whose resources it addresses: the {AccountSid} of the path, or the caller's
 * @param path    the request path as sent, without the query
 * @param pathParams the template's parameters, e.g. {@code Sid}
 * @param params  the form body of a POST, else the query parameters
 */
public record ApiRequest(Caller caller, Account account, String path, Map<String, String> pathParams, Params params) {

    public String pathParam(String name) {
        return pathParams.get(name);
    }

    public String accountSid() {
        return account.sid();
    }
}
