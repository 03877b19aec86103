package org.patchbay.core.twiml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.patchbay.core.twiml.TwimlTestSupport.assertParseFailure;
import static org.patchbay.core.twiml.TwimlTestSupport.assertRejected;
import static org.patchbay.core.twiml.TwimlTestSupport.assertSchemaViolation;
import static org.patchbay.core.twiml.TwimlTestSupport.parse;
import static org.patchbay.core.twiml.TwimlTestSupport.response;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.patchbay.core.error.ErrorCode;

/** Documents written to hurt the parser: each must be refused with a TwiML error and nothing else. */
class HostileInputTest {
    private static final String SECRET = "TOP-SECRET-CONTENT";

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    /** A real HTTP server on loopback that would serve an attacker's DTD, counting every request it gets. */
    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = ("<!ENTITY leak \"" + SECRET + "\">").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private String serverUrl(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Test
    void billionLaughsIsRefusedAtItsDoctype() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int level = 1; level <= 9; level++) {
            String previous = level == 1 ? "lol" : "lol" + (level - 1);
            xml.append("<!ENTITY lol").append(level).append(" \"").append(("&" + previous + ";").repeat(10)).append("\">");
        }
        xml.append("]><Response><Say>&lol9;</Say></Response>");

        assertParseFailure(xml.toString(), "DTD");
    }

    @Test
    void externalFileEntityIsNeverRead(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), SECRET);
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE Response [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                + "<Response><Say>&xxe;</Say></Response>";

        TwimlException refused = assertRejected(xml, ErrorCode.DOCUMENT_PARSE_FAILURE, "DTD");
        assertFalse(refused.getMessage().contains(SECRET));
    }

    @Test
    void externalHttpEntityIsNeverFetched() {
        String xml = "<!DOCTYPE Response [<!ENTITY xxe SYSTEM \"" + serverUrl("/entity") + "\">]>"
                + "<Response><Play>&xxe;</Play></Response>";

        assertParseFailure(xml, "DTD");
        assertEquals(0, requests.get(), "requests to the attacker's server");
    }

    @Test
    void externalDtdIsNeverFetched() {
        String xml = "<!DOCTYPE Response SYSTEM \"" + serverUrl("/evil.dtd") + "\"><Response><Say>&leak;</Say></Response>";

        assertParseFailure(xml, "DTD");
        assertEquals(0, requests.get(), "requests to the attacker's server");
    }

    @Test
    void parameterEntitiesAreNeverExpanded() {
        String xml = "<!DOCTYPE Response [<!ENTITY % remote SYSTEM \"" + serverUrl("/param.dtd") + "\"> %remote;"
                + "<!ENTITY % local \"<!ENTITY inner 'x'>\"> %local;]><Response><Say>&inner;</Say></Response>";

        assertParseFailure(xml, "DTD");
        assertEquals(0, requests.get(), "requests to the attacker's server");
    }

    @Test
    void aDoctypeAloneIsRefused() {
        assertParseFailure("<!DOCTYPE Response><Response><Hangup/></Response>", "DTD", "<!DOCTYPE>");
    }

    @Test
    void undeclaredEntitiesAreRefused() {
        assertParseFailure(response("<Say>&nbsp;</Say>"), "not well-formed", "nbsp");
    }

    @Test
    void aDocumentAtTheSizeLimitParsesAndOneCharacterMoreDoesNot() {
        String start = response("<Hangup/>") + "<!--";
        String end = "-->";
        String atLimit = start + "x".repeat(TwimlLimits.MAX_DOCUMENT_CHARS - start.length() - end.length()) + end;

        assertEquals(1, parse(atLimit).verbs().size());
        assertParseFailure(atLimit + " ", "65537 characters", "limit is 65536");
    }

    @Test
    void depthIsBoundedAtEightElements() {
        String eightDeep = response("<Gather><Say><p><s><prosody><emphasis><w>deep</w></emphasis></prosody></s></p>"
                + "</Say></Gather>");
        String nineDeep = response("<Gather><Say><p><s><prosody><emphasis><w><sub alias=\"x\">deeper</sub></w>"
                + "</emphasis></prosody></s></p></Say></Gather>");

        assertEquals(1, parse(eightDeep).verbs().size());
        assertParseFailure(nineDeep, "nested more than 8 deep", "<sub>");
    }

    @Test
    void thousandsOfNestedElementsStopAtTheDepthLimit() {
        String xml = "<Response><Say>" + "<p>".repeat(10_000);

        assertParseFailure(xml, "nested more than 8 deep");
    }

    @Test
    void verbCountIsBounded() {
        assertEquals(250, parse(response("<Pause/>".repeat(250))).verbs().size());
        assertSchemaViolation(response("<Pause/>".repeat(251)), "more than 250 verbs");
    }

    @Test
    void longAttributeValuesAreRefused() {
        String longUrl = "https://example.com/" + "a".repeat(TwimlLimits.MAX_ATTRIBUTE_CHARS);

        assertSchemaViolation(response("<Gather action=\"" + longUrl + "\"/>"), "<Gather>", "'action'",
                "longer than 4096");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 2025})
    void binaryGarbageIsAParseFailure(long seed) {
        byte[] bytes = new byte[512];
        new Random(seed).nextBytes(bytes);

        assertParseFailure(new String(bytes, StandardCharsets.ISO_8859_1));
    }

    @Test
    void controlCharactersAreAParseFailure() {
        assertParseFailure(response("<Say>\u0000\u0001</Say>"), "not well-formed");
        assertParseFailure(response("<Say>&#0;</Say>"), "not well-formed");
    }

    @Test
    void everyTruncationOfARealDocumentIsAParseFailure() {
        String xml = response("<Gather action=\"/menu\" numDigits=\"1\"><Say voice=\"alice\">Press 1</Say></Gather>"
                + "<Dial><Number sendDigits=\"1\">+15550001111</Number></Dial><!-- done --><Hangup/>");

        for (int length = 0; length < xml.length(); length++) {
            assertParseFailure(xml.substring(0, length));
        }
        assertEquals(3, parse(xml).verbs().size());
    }

    @Test
    void emptyDocumentsAreParseFailures() {
        assertParseFailure(null, "empty");
        assertParseFailure("", "empty");
        assertParseFailure(" \n\t ", "empty");
        assertParseFailure("<?xml version=\"1.0\"?>", "not well-formed");
        assertParseFailure("<!-- nothing here -->", "not well-formed");
    }

    @Test
    void theRootMustBeResponse() {
        assertParseFailure("<response><Hangup/></response>", "root element must be <Response>", "<response>");
        assertParseFailure("<Say>Hello</Say>", "root element must be <Response>", "<Say>");
        assertParseFailure("<html><body>Not found</body></html>", "found <html>");
    }

    @Test
    void anythingButCommentsAfterTheRootIsAParseFailure() {
        assertEquals(1, parse(response("<Hangup/>") + "\n<!-- trailer -->\n").verbs().size());
        assertParseFailure(response("<Hangup/>") + "<Response/>", "not well-formed");
        assertParseFailure(response("<Hangup/>") + "trailing text", "not well-formed");
    }

    @Test
    void mismatchedTagsAreParseFailures() {
        assertParseFailure("<Response><Say>hi</Play></Response>", "not well-formed", "line 1");
        assertParseFailure("<Response><Say a=\"1\" a=\"2\">hi</Say></Response>", "not well-formed");
        assertParseFailure("<Response><Say loop=1>hi</Say></Response>", "not well-formed");
    }
}
