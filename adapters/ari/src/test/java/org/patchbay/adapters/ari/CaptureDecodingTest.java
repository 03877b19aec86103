package org.patchbay.adapters.ari;

import ch.loway.oss.ari4java.AriVersion;
import ch.loway.oss.ari4java.generated.models.Message;
import ch.loway.oss.ari4java.tools.BaseAriAction;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every event a real Asterisk 22 sent to the app in the captures decodes with ari4java and maps to the Patchbay event
 * the router expects. These captures hold no field ARI 10.0.0's models lack, so they decode strictly as well as with
 * {@link AriLenientDecoding} (which Patchbay applies, and another test of this JVM may already have).
 */
class CaptureDecodingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] CAPTURES = {"inbound-stasis-answer-play-hangup", "dtmf-gather", "record", "bridge-dial",
            "bridge-dial-create", "originate-failure", "caller-hangs-up-mid-playback", "caller-abandons-before-answer",
            "playback-http-media", "error-responses", "asterisk-info"};

    @Test
    void realAsteriskEventsDecodeAndMap() throws Exception {
        Class<?> messageType = Class.forName("ch.loway.oss.ari4java.generated.ari_10_0_0.models.Message_impl_ari_10_0_0");
        assertEquals("10.0.0", AriVersion.ARI_10_0_0.version());
        int decoded = 0;
        List<String> mapped = new ArrayList<>();
        for (String capture : CAPTURES) {
            for (JsonNode event : voiceEvents(capture)) {
                Message message = BaseAriAction.deserializeEvent(event.toString(), messageType);
                assertEquals(event.get("type").asText(), message.getType());
                decoded++;
                AriEventMapper.map(message).ifPresent(e -> mapped.add(e.getClass().getSimpleName()));
            }
        }
        assertTrue(decoded > 100, "decoded " + decoded);
        for (String kind : List.of("StasisStarted", "StasisEnded", "HangupRequested", "ChannelDestroyed", "DtmfReceived",
                "PlaybackStarted", "PlaybackFinished", "RecordingStarted", "RecordingFinished", "DialProgress",
                "ChannelEnteredBridge", "ChannelLeftBridge", "BridgeDestroyed", "ChannelStateChanged")) {
            assertTrue(mapped.contains(kind), kind + " never mapped");
        }
    }

    private static List<JsonNode> voiceEvents(String capture) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                CaptureDecodingTest.class.getResourceAsStream("/ari-captures/" + capture + ".jsonl")), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                JsonNode record = JSON.readTree(line);
                if ("event".equals(record.path("dir").asText()) && "voice".equals(record.path("app").asText())) {
                    events.add(record.get("body"));
                }
            }
        }
        return events;
    }
}
