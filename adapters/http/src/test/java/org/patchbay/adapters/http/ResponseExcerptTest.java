package org.patchbay.adapters.http;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ResponseExcerptTest {

    private static HttpReply reply(String contentType, Buffer body) {
        return new HttpReply(500, contentType, null, body, false, io.vertx.core.MultiMap.caseInsensitiveMultiMap());
    }

    @Test
    void keepsTheStartOfATextBody() {
        assertEquals("<h1>bo", ResponseExcerpt.of(reply("text/html; charset=utf-8", Buffer.buffer("<h1>boom</h1>")), 6));
        assertEquals("{\"a\":1}", ResponseExcerpt.of(reply("application/problem+json", Buffer.buffer("{\"a\":1}")), 100));
        assertEquals("plain\ntext", ResponseExcerpt.of(reply(null, Buffer.buffer("plain\ntext")), 100));
    }

    @Test
    void keepsNothingOfABinaryBody() {
        assertNull(ResponseExcerpt.of(reply("application/octet-stream", Buffer.buffer("secret-key-material")), 100));
        assertNull(ResponseExcerpt.of(reply("image/png", Buffer.buffer("PNG")), 100));
        assertNull(ResponseExcerpt.of(reply(null, Buffer.buffer(new byte[] {0x50, 0x4B, 0x03, 0x04, 0x00})), 100));
        assertNull(ResponseExcerpt.of(reply("text/plain", Buffer.buffer()), 100));
    }
}
