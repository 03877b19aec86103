package org.patchbay.server.api.http;

import org.patchbay.core.error.ErrorCode;
import org.patchbay.core.error.PatchbayException;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes {@code application/x-www-form-urlencoded} text (a POST body or a query string) strictly:
 * a malformed escape, bytes that are not UTF-8 or a NUL character are a 400 for the client instead
 * of a silently mangled value. The number of fields is capped so no request can build a huge map.
 */
public final class FormDecoder {
    public static final int MAX_FIELDS = 256;

    private FormDecoder() {
    }

    public static Params decode(byte[] raw) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        int count = 0;
        int start = 0;
        for (int i = 0; i <= raw.length; i++) {
            if (i == raw.length || raw[i] == '&') {
                if (i > start) {
                    if (++count > MAX_FIELDS) {
                        throw invalid("Too many parameters (at most " + MAX_FIELDS + ")");
                    }
                    addField(fields, raw, start, i);
                }
                start = i + 1;
            }
        }
        return new Params(fields);
    }

    private static void addField(Map<String, List<String>> fields, byte[] raw, int from, int to) {
        int eq = from;
        while (eq < to && raw[eq] != '=') {
            eq++;
        }
        String name = text(raw, from, eq);
        String value = eq < to ? text(raw, eq + 1, to) : "";
        if (name.isEmpty()) {
            throw invalid("A parameter has no name");
        }
        fields.computeIfAbsent(name, n -> new ArrayList<>(1)).add(value);
    }

    private static String text(byte[] raw, int from, int to) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte b = raw[i];
            if (b == '+') {
                bytes.write(' ');
            } else if (b == '%') {
                if (i + 2 >= to) {
                    throw invalid("Malformed percent-encoding in the parameters");
                }
                int hi = Character.digit(raw[i + 1], 16);
                int lo = Character.digit(raw[i + 2], 16);
                if (hi < 0 || lo < 0) {
                    throw invalid("Malformed percent-encoding in the parameters");
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else {
                bytes.write(b);
            }
        }
        String decoded = utf8(bytes.toByteArray());
        if (decoded.indexOf('\0') >= 0) {
            throw invalid("Parameters may not contain NUL characters");
        }
        return decoded;
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw invalid("Parameters must be UTF-8");
        }
    }

    private static PatchbayException invalid(String message) {
        return PatchbayException.badRequest(ErrorCode.INVALID_PARAMETER, message);
    }
}
