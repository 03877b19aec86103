package org.patchbay.core.store.journal;

import com.fasterxml.jackson.databind.JsonNode;
import org.patchbay.core.json.Json;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.zip.CRC32;

/**
 * One line of a journal or snapshot: {@code <crc32 of the JSON, 8 hex> <JSON>\n}, the JSON being
 * {@code {"op":"put"|"delete","kind":...,"sid":...,"record":{...}}}. A line cut short by a crash
 * (no newline, or a checksum that does not match) is recognised and not applied.
 */
final class JournalLine {
    static final String PUT = "put";
    static final String DELETE = "delete";

    /** One change: a record put (its Java type and JSON) or deleted (neither). */
    record Entry(String op, String kind, String sid, String type, String recordJson) {
        static Entry put(String kind, String sid, String type, String recordJson) {
            return new Entry(PUT, kind, sid, type, recordJson);
        }

        static Entry delete(String kind, String sid) {
            return new Entry(DELETE, kind, sid, null, null);
        }
    }

    private JournalLine() {
    }

    static byte[] encode(Entry entry) {
        StringBuilder json = new StringBuilder(64 + (entry.recordJson() == null ? 0 : entry.recordJson().length()))
                .append("{\"op\":").append(quoted(entry.op()))
                .append(",\"kind\":").append(quoted(entry.kind()))
                .append(",\"sid\":").append(quoted(entry.sid()));
        if (entry.recordJson() != null) {
            json.append(",\"type\":").append(quoted(entry.type())).append(",\"record\":").append(entry.recordJson());
        }
        byte[] body = json.append('}').toString().getBytes(StandardCharsets.UTF_8);
        byte[] line = new byte[9 + body.length + 1];
        System.arraycopy(HexFormat.of().formatHex(crc(body, body.length)).getBytes(StandardCharsets.US_ASCII), 0, line, 0, 8);
        line[8] = ' ';
        System.arraycopy(body, 0, line, 9, body.length);
        line[line.length - 1] = '\n';
        return line;
    }

    /** A line read back: the change, its record still as a JSON tree (decoded by the reader, which knows its type). */
    record Read(String op, String kind, String sid, String type, JsonNode record) {
    }

    /** The change of a complete line (without its newline), or null when the line is damaged. */
    static Read decode(byte[] line, int length) {
        if (length < 10 || line[8] != ' ') {
            return null;
        }
        CRC32 crc = new CRC32();
        crc.update(line, 9, length - 9);
        String expected = new String(line, 0, 8, StandardCharsets.US_ASCII);
        if (!expected.equals(HexFormat.of().formatHex(bigEndian(crc.getValue())))) {
            return null;
        }
        try {
            JsonNode node = Json.MAPPER.readTree(line, 9, length - 9);
            String op = node.path("op").asText();
            JsonNode record = node.get("record");
            boolean put = PUT.equals(op) && record != null && node.hasNonNull("type");
            if (!(put || DELETE.equals(op)) || !node.hasNonNull("kind") || !node.hasNonNull("sid")) {
                return null;
            }
            return new Read(op, node.get("kind").asText(), node.get("sid").asText(), put ? node.get("type").asText() : null,
                    put ? record : null);
        } catch (java.io.IOException notJson) {
            return null;
        }
    }

    private static byte[] crc(byte[] bytes, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, length);
        return bigEndian(crc.getValue());
    }

    private static byte[] bigEndian(long value) {
        return new byte[]{(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }

    private static String quoted(String text) {
        return Json.write(text);
    }
}
