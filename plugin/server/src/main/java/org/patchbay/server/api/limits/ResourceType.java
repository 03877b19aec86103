package org.patchbay.server.api.limits;

/**
 * The resource type a route serves, read from its path template: the first literal segment after
 * the version and the account, without {@code .json}. {@code /2010-04-01/Accounts/{AccountSid}/Calls/{Sid}.json}
 * is {@code Calls}, {@code /2010-04-01/Accounts/{AccountSid}.json} is {@code Accounts}, {@code /v1/Sinks} is {@code Sinks}.
 */
final class ResourceType {
    private ResourceType() {
    }

    static String of(String template) {
        String[] segments = template.split("/");
        int at = 2;
        if (segments.length > at + 2 && segments[at].equals("Accounts") && segments[at + 1].startsWith("{")) {
            at += 2;
        }
        String literal = segments.length > at ? segments[at] : "";
        return literal.endsWith(".json") ? literal.substring(0, literal.length() - ".json".length()) : literal;
    }
}
