package org.patchbay.core.webhook;

import com.twilio.security.RequestValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The signature must pass Twilio's own validator, unchanged. */
class TwilioSignatureTest {
    private static final String TOKEN = "12345";
    private final RequestValidator validator = new RequestValidator(TOKEN);

    private static Map<String, String> callParams() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("CallSid", "CA1234567890ABCDE");
        params.put("Caller", "+12349013030");
        params.put("Digits", "1234");
        params.put("From", "+12349013030");
        params.put("To", "+18005551212");
        return params;
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://mycompany.com/myapp.php?foo=1&bar=2",
            "https://mycompany.com:8443/myapp.php?foo=1&bar=2",
            "http://127.0.0.1:49152/voice",
            "http://localhost:8080/voice?tenant=acme&step=2",
            "https://example.com/status?Caller=%2B15551230000&name=Zo%C3%AB%20Smith",
    })
    void postSignatureIsAcceptedByTwilioValidator(String url) {
        String signature = TwilioSignature.sign(TOKEN, url, callParams());

        assertTrue(validator.validate(url, callParams(), signature));
        assertFalse(new RequestValidator("other-token").validate(url, callParams(), signature));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://mycompany.com/myapp.php?foo=1&bar=2&CallSid=CA1&From=%2B12349013030",
            "http://127.0.0.1:49152/voice?CallSid=CA1&CallerName=Zo%C3%AB+%26+Co",
            "https://example.com:8443/gather?Digits=1%23&SpeechResult=caf%C3%A9+%E2%98%8E",
    })
    void getSignatureCoversTheUrlAloneAndIsAcceptedByTwilioValidator(String url) {
        String signature = TwilioSignature.sign(TOKEN, url);

        assertTrue(validator.validate(url, Map.of(), signature));
        assertFalse(validator.validate(url + "&Extra=1", Map.of(), signature));
    }

    @Test
    void unicodeValuesAreSignedAsUtf8() {
        Map<String, String> params = new LinkedHashMap<>(callParams());
        params.put("CallerName", "Zoë Ångström ☎ 📞");
        params.put("SpeechResult", "نعم, 是的");
        String url = "https://example.com/voice";

        assertTrue(validator.validate(url, params, TwilioSignature.sign(TOKEN, url, params)));
    }

    @Test
    void namesThatLookRepeatedAreSortedCaseSensitively() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("digits", "2");
        params.put("Digits", "1");
        params.put("Digits2", "3");
        params.put("Digit", "");
        params.put("a", "x");
        params.put("A", "y");
        params.put("Called", "+1");
        params.put("Caller", "+2");
        String url = "https://example.com/gather";

        String signature = TwilioSignature.sign(TOKEN, url, params);

        assertTrue(validator.validate(url, params, signature));
        assertEquals(url + "Ay" + "Called+1" + "Caller+2" + "Digit" + "Digits1" + "Digits23" + "ax" + "digits2",
                TwilioSignature.payload(url, params));
    }

    @Test
    void nullValuesSignAsEmpty() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("ForwardedFrom", null);
        params.put("To", "+1");
        String url = "https://example.com/x";

        assertEquals(TwilioSignature.sign(TOKEN, url, Map.of("ForwardedFrom", "", "To", "+1")),
                TwilioSignature.sign(TOKEN, url, params));
    }
}
