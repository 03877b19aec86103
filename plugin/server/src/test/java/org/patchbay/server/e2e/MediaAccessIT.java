package org.patchbay.server.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchbay.asterisk.sim.InboundCall;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The media route as Asterisk (the simulator) and a stranger on the same port meet it: speech a
 * call asked for is served, an id no call asked for is 404, and with {@code PATCHBAY_MEDIA_ALLOW}
 * not naming the client's address every request is 403 without a body.
 */
class MediaAccessIT {
    private static final Pattern SPEECH_URL = Pattern.compile("sound:(http://127\\.0\\.0\\.1:\\d+/media/tts/([0-9a-f]{64})\\.wav)");

    @TempDir
    Path dataDir;
    private final HttpClient client = HttpClient.newHttpClient();
    private Harness h;
    private String lastHeard;

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    /** The prompt's URL (group 1) and id (group 2) in what the caller heard; group 0 ends with the playback's outcome. */
    private Matcher speechOfACall(String from) {
        h.number("3300", "/voice", null, null);
        h.app.respond("/voice", "<Response><Say>Your code is 4 2 7 1</Say></Response>");
        InboundCall call = h.call(from, "3300");
        h.finished(call.channelId());
        List<String> heard = h.heardMedia(call.channelId());
        assertEquals(1, heard.size(), heard.toString());
        Matcher url = SPEECH_URL.matcher(heard.get(0));
        assertTrue(url.find(), heard.toString());
        lastHeard = heard.get(0);
        return url;
    }

    private HttpResponse<byte[]> get(String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void speechACallAskedForIsServedAndAnIdNoCallAskedForIs404() throws Exception {
        h = Harness.start(dataDir);
        Matcher speech = speechOfACall("+15550003301");
        String url = speech.group(1);
        assertTrue(lastHeard.endsWith(" done"), lastHeard);
        assertEquals(1, Harness.await(h.asterisk.mediaFetches()).get(url), "the simulator fetched the prompt from Patchbay");

        HttpResponse<byte[]> again = get(url);
        assertEquals(200, again.statusCode(), "within the window after the call asked for it");
        assertEquals("audio/wav", again.headers().firstValue("Content-Type").orElse(null));

        String neverAsked = url.replace(speech.group(2), "0".repeat(64));
        HttpResponse<byte[]> unknown = get(neverAsked);
        assertEquals(404, unknown.statusCode());
        assertEquals(0, unknown.body().length);
    }

    @Test
    void aLoopbackClientOutsideTheAllowListIs403WithoutABody() throws Exception {
        h = Harness.start(dataDir, Map.of("PATCHBAY_MEDIA_ALLOW", "127.0.0.2/32"));
        String url = speechOfACall("+15550003302").group(1);

        HttpResponse<byte[]> refused = get(url);
        assertEquals(403, refused.statusCode(), "the test's client, like the simulator, connects from 127.0.0.1");
        assertEquals(0, refused.body().length);
        assertTrue(!lastHeard.endsWith(" done"), "the simulator outside the list could not play it either: " + lastHeard);
    }
}
