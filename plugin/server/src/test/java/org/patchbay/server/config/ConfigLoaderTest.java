package org.patchbay.server.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    @Test
    void noConfigurationMeansSandboxOnDefaults() {
        PatchbayConfig config = ConfigLoader.load(Map.of());
        assertTrue(config.sandbox());
        assertEquals("127.0.0.1", config.httpHost());
        assertEquals(8080, config.httpPort());
        assertEquals("patchbay", config.ariApp());
        assertNull(config.redisUrl());
        assertNull(config.accountSid());
    }

    @Test
    void environmentWinsOverTheYamlFile() throws IOException {
        Path file = yaml("""
                http:
                  port: 9000
                  host: 0.0.0.0
                ari:
                  url: http://pbx.example:8088
                  password: secret
                numbers:
                  "1000": {voiceUrl: "https://app.example/voice", voiceMethod: get}
                """);
        PatchbayConfig config = ConfigLoader.load(Map.of("PATCHBAY_CONFIG", file.toString(), "PATCHBAY_HTTP_PORT", "9100"));
        assertEquals(9100, config.httpPort());
        assertEquals("0.0.0.0", config.httpHost());
        assertEquals("http://pbx.example:8088", config.ariUrl());
        assertEquals("https://app.example/voice", config.numbers().get("1000").voiceUrl());
        assertEquals("GET", config.numbers().get("1000").voiceMethod());
    }

    @Test
    void aBadValueNamesTheSetting() {
        assertEquals("PATCHBAY_HTTP_PORT (http.port) must be a whole number from 0 to 65535, got 'eighty'",
                assertThrows(ConfigException.class, () -> ConfigLoader.load(Map.of("PATCHBAY_HTTP_PORT", "eighty"))).getMessage());
        assertTrue(assertThrows(ConfigException.class, () -> ConfigLoader.load(Map.of("PATCHBAY_ARI_URL", "pbx:8088")))
                .getMessage().startsWith("PATCHBAY_ARI_URL"));
        assertTrue(assertThrows(ConfigException.class, () -> ConfigLoader.load(Map.of("PATCHBAY_ACCOUNT_SID", "AC123", "PATCHBAY_AUTH_TOKEN", "x".repeat(32))))
                .getMessage().startsWith("PATCHBAY_ACCOUNT_SID"));
        assertTrue(assertThrows(ConfigException.class, () -> ConfigLoader.load(Map.of("PATCHBAY_REDIS_URL", "localhost:6379")))
                .getMessage().startsWith("PATCHBAY_REDIS_URL"));
    }

    @Test
    void ariNeedsAPasswordAndCredentialsComeInPairs() {
        assertTrue(assertThrows(ConfigException.class, () -> ConfigLoader.load(Map.of("PATCHBAY_ARI_URL", "http://pbx:8088")))
                .getMessage().contains("PATCHBAY_ARI_PASSWORD"));
        assertTrue(assertThrows(ConfigException.class, () -> ConfigLoader.load(Map.of("PATCHBAY_ACCOUNT_SID", "AC" + "0".repeat(32))))
                .getMessage().contains("must be set together"));
    }

    @Test
    void yamlMistakesAreReportedWithTheirPlace() throws IOException {
        Path typo = yaml("htp:\n  port: 80\n");
        assertEquals("PATCHBAY_CONFIG: unknown setting 'htp.port' in " + typo,
                assertThrows(ConfigException.class, () -> ConfigLoader.load(Map.of("PATCHBAY_CONFIG", typo.toString()))).getMessage());
        Path badNumber = yaml("numbers:\n  \"1000\": {voiceUrl: \"ftp://x/y\"}\n");
        assertTrue(assertThrows(ConfigException.class, () -> ConfigLoader.load(Map.of("PATCHBAY_CONFIG", badNumber.toString())))
                .getMessage().contains("numbers.1000.voiceUrl must be an absolute http(s) URL"));
        Path unknownField = yaml("numbers:\n  \"1000\": {voiceUrl: \"http://x/y\", voiceUrll: \"http://x\"}\n");
        assertTrue(assertThrows(ConfigException.class, () -> ConfigLoader.load(Map.of("PATCHBAY_CONFIG", unknownField.toString())))
                .getMessage().contains("unknown field 'voiceUrll'"));
        Path missing = dir.resolve("missing.yaml");
        assertTrue(assertThrows(ConfigException.class, () -> ConfigLoader.load(Map.of("PATCHBAY_CONFIG", missing.toString())))
                .getMessage().startsWith("PATCHBAY_CONFIG: cannot read"));
    }

    private Path yaml(String text) throws IOException {
        Path file = Files.createTempFile(dir, "patchbay", ".yaml");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void anAccountMayHaveEndpointTemplatesOfItsOwn() throws IOException {
        String sid = "AC" + "a".repeat(32);
        Path file = yaml("accounts:\n  " + sid + ":\n    endpoints: {number: \"PJSIP/{number}@trunk-b\"}\n");
        PatchbayConfig config = ConfigLoader.load(Map.of("PATCHBAY_CONFIG", file.toString(),
                "PATCHBAY_ENDPOINT_SIP", "PJSIP/{user}@{host}"));
        assertEquals("PJSIP/+15550001111@trunk-b", config.endpoints().forAccount(sid).endpointFor("+15550001111"));
        assertEquals("PJSIP/alice@example.com", config.endpoints().forAccount(sid).endpointFor("sip:alice@example.com"));
        assertEquals("PJSIP/+15550001111", config.endpoints().forAccount("AC" + "b".repeat(32)).endpointFor("+15550001111"));
        Path bad = yaml("accounts:\n  " + sid + ":\n    endpoints: {number: \"PJSIP/a&b\"}\n");
        assertTrue(assertThrows(ConfigException.class, () -> ConfigLoader.load(Map.of("PATCHBAY_CONFIG", bad.toString())))
                .getMessage().contains("accounts." + sid + ".endpoints.number"));
        Path notASid = yaml("accounts:\n  main:\n    endpoints: {number: \"PJSIP/{number}\"}\n");
        assertTrue(assertThrows(ConfigException.class, () -> ConfigLoader.load(Map.of("PATCHBAY_CONFIG", notASid.toString())))
                .getMessage().contains("is not an account SID"));
    }
}
