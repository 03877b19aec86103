package org.patchbay.server.api.http;

import io.vertx.core.http.HttpMethod;

/**
 * One route of the API: a method, a path template in the form Twilio's OpenAPI description uses
 * (e.g. {@code /2010-04-01/Accounts/{AccountSid}/Calls/{Sid}.json}), who may call it and its handler.
 *
 * @param accountParam the template parameter naming the addressed account; null when it is the caller's own
 */
public record Endpoint(HttpMethod method, String template, String accountParam, Access access, ApiHandler handler,
                       boolean mainAccountOnly) {
    public static final String ACCOUNT_BASE = "/2010-04-01/Accounts/{AccountSid}";

    public Endpoint(HttpMethod method, String template, String accountParam, Access access, ApiHandler handler) {
        this(method, template, accountParam, access, handler, false);
    }

    /** The same endpoint, refused (403) to a subaccount: what a main account decides for itself and its subaccounts. */
    public Endpoint forMainAccountsOnly() {
        return new Endpoint(method, template, accountParam, access, handler, true);
    }

    /** Who may call an endpoint. */
    public enum Access {
        /** Any credential of the addressed account or of its owner, API keys included. */
        ACCOUNT,
        /** As ACCOUNT, but not with an API key: on Twilio, standard keys cannot manage accounts or keys. */
        ACCOUNT_ADMIN,
        /** Recording audio: as ACCOUNT, or anyone when Patchbay is configured to serve it publicly. */
        MEDIA
    }

    /** A {@code /v1} resource of the caller's own account (Twilio's newer APIs name no account in the path). */
    public static Endpoint v1(HttpMethod method, String relative, ApiHandler handler) {
        return new Endpoint(method, "/v1" + relative, null, Access.ACCOUNT, handler);
    }

    /** A resource of the account in the path, for example {@code account(GET, "/Calls.json", ...)}. */
    public static Endpoint account(HttpMethod method, String relative, ApiHandler handler) {
        return new Endpoint(method, ACCOUNT_BASE + relative, "AccountSid", Access.ACCOUNT, handler);
    }

    public static Endpoint accountAdmin(HttpMethod method, String relative, ApiHandler handler) {
        return new Endpoint(method, ACCOUNT_BASE + relative, "AccountSid", Access.ACCOUNT_ADMIN, handler);
    }

    public static Endpoint media(HttpMethod method, String relative, ApiHandler handler) {
        return new Endpoint(method, ACCOUNT_BASE + relative, "AccountSid", Access.MEDIA, handler);
    }
}
