package org.patchbay.adapters.ari;

import ch.loway.oss.ari4java.generated.models.Message;
import ch.loway.oss.ari4java.tools.BaseAriAction;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.patchbay.core.telephony.TelephonyEvent;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The ends of chan_websocket channels as a real Asterisk 22.10.1 sent them ({@code websocket-channel-ends.jsonl}, the
 * {@code ChannelHangupRequest} and {@code ChannelDestroyed} events of external-media-websocket.jsonl, each with
 * {@code tech_cause}, a field ARI 10.0.0's models lack) decode once {@link AriLenientDecoding} is applied, and map to
 * the events that let a stream's media channel go; an unknown object value is skipped whole.
 */
class AriLenientDecodingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MESSAGE_TYPE = "ch.loway.oss.ari4java.generated.ari_10_0_0.models.Message_impl_ari_10_0_0";

    @Test
    void websocketChannelEndsWithATechCauseDecodeAndMap() throws Exception {
        AriLenientDecoding.apply();
        List<String> mapped = new ArrayList<>();
        for (JsonNode event : events()) {
            Message message = BaseAriAction.deserializeEvent(event.toString(), Class.forName(MESSAGE_TYPE));
            AriEventMapper.map(message).ifPresent(e -> mapped.add(e.getClass().getSimpleName()
                    + " " + ((TelephonyEvent) e).key()));
        }
        assertEquals(List.of("HangupRequested 1796228680.164570", "ChannelDestroyed 1796228680.164570",
                "HangupRequested 1796228685.164571", "ChannelDestroyed 1796228685.164571"), mapped);
    }

    @Test
    void anUnknownObjectValueIsSkippedWithTheRestOfTheEventKept() throws Exception {
        AriLenientDecoding.apply();
        JsonNode destroyed = events().get(1);
        String withObject = destroyed.toString().replace("\"tech_cause\":1001", "\"tech_detail\":{\"code\":[1,2],\"why\":{}}");
        TelephonyEvent event = AriEventMapper.map(BaseAriAction.deserializeEvent(withObject, Class.forName(MESSAGE_TYPE))).orElseThrow();
        assertEquals(new TelephonyEvent.ChannelDestroyed("1796228680.164570", 16, "Normal Clearing"), event);
    }

    private static List<JsonNode> events() throws Exception {
        List<JsonNode> events = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                AriLenientDecodingTest.class.getResourceAsStream("/ari-captures/websocket-channel-ends.jsonl")), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                events.add(JSON.readTree(line).get("body"));
            }
        }
        return events;
    }
}
