package org.patchbay.adapters.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** {@code application/x-www-form-urlencoded} in UTF-8, parameters in the order given. */
final class FormEncoding {
    private FormEncoding() {
    }

    static String encode(Map<String, String> params) {
        StringBuilder out = new StringBuilder(24 * params.size());
        params.forEach((name, value) -> {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
        return out.toString();
    }
}
