package org.patchbay.server.api.http;

/** The relative URIs Twilio puts in {@code uri} and {@code subresource_uris}. */
public final class Uris {
    public static final String VERSION = "/2010-04-01";
    public static final String API_VERSION = "2010-04-01";

    private Uris() {
    }

    /** {@code /2010-04-01/Accounts/AC…}, without suffix. */
    public static String account(String accountSid) {
        return VERSION + "/Accounts/" + accountSid;
    }

    /** {@code /2010-04-01/Accounts/AC…/<collection>/<sid>.json} */
    public static String resource(String accountSid, String collection, String sid) {
        return account(accountSid) + "/" + collection + "/" + sid + ".json";
    }

    /** {@code /2010-04-01/Accounts/AC…/<collection>.json} */
    public static String collection(String accountSid, String collection) {
        return account(accountSid) + "/" + collection + ".json";
    }
}
