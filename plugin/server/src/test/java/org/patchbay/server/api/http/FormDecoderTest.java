package org.patchbay.server.api.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.patchbay.core.error.PatchbayException;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FormDecoderTest {

    private static Params decode(String form) {
        return FormDecoder.decode(form.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void decodesRepeatedAndEncodedFields() {
        Params params = decode("To=%2B15550001111&StatusCallbackEvent=initiated&StatusCallbackEvent=answered+completed"
                + "&Twiml=%3CResponse%2F%3E&Empty=&Flag&StartTime%3E=2024-01-01&Name=%C3%A9t%C3%A9");
        assertEquals("+15550001111", params.get("To"));
        assertEquals(List.of("initiated", "answered completed"), params.all("StatusCallbackEvent"));
        assertEquals("<Response/>", params.get("Twiml"));
        assertEquals("", params.get("Empty"));
        assertEquals("", params.get("Flag"));
        assertEquals("2024-01-01", params.get("StartTime>"));
        assertEquals("été", params.get("Name"));
        assertNull(params.get("Missing"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"To=%", "To=%4", "To=%ZZ", "To=%C3%28", "To=%ED%A0%80", "To=%00", "=value"})
    void refusesMalformedInput(String form) {
        PatchbayException e = assertThrows(PatchbayException.class, () -> decode(form));
        assertEquals(400, e.httpStatus());
        assertEquals(21200, e.code());
    }

    @Test
    void refusesRawBytesThatAreNotUtf8AndTooManyFields() {
        assertThrows(PatchbayException.class, () -> FormDecoder.decode(new byte[]{'a', '=', (byte) 0xC3}));
        assertThrows(PatchbayException.class, () -> decode("a=1&".repeat(FormDecoder.MAX_FIELDS + 1)));
    }
}
