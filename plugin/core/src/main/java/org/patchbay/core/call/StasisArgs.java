package org.patchbay.core.call;

import java.util.List;

/**
 * Arguments of {@code Stasis(patchbay,...)} in the dialplan: a bare value is the dialled number;
 * {@code url=}, {@code method=}, {@code fallbackUrl=}, {@code statusCallback=} name an application.
 */
record StasisArgs(String number, String url, String method, String fallbackUrl, String statusCallback) {

    static StasisArgs parse(List<String> args) {
        String number = null;
        String url = null;
        String method = null;
        String fallbackUrl = null;
        String statusCallback = null;
        for (String arg : args) {
            int eq = arg.indexOf('=');
            String key = eq < 0 ? "" : arg.substring(0, eq).trim();
            String value = eq < 0 ? arg.trim() : arg.substring(eq + 1).trim();
            switch (key) {
                case "url" -> url = value;
                case "method" -> method = value;
                case "fallbackUrl", "fallback" -> fallbackUrl = value;
                case "statusCallback" -> statusCallback = value;
                default -> {
                    if (eq < 0 && number == null && !value.isEmpty()) {
                        number = value;
                    }
                }
            }
        }
        return new StasisArgs(number, url, method, fallbackUrl, statusCallback);
    }
}
