package org.patchbay.server.api;

import org.junit.jupiter.api.Test;
import org.patchbay.core.recording.Recording;
import org.patchbay.core.sid.Sids;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A recording's audio, with the account's credentials by default or publicly when so configured. */
class RecordingMediaIT {

    @Test
    void servesWavToTheAccountAndRefusesMp3() {
        try (ApiServer server = ApiServer.start()) {
            Recording recording = seed(server, server.sub.sid());
            String base = "/2010-04-01/Accounts/" + server.sub.sid() + "/Recordings/" + recording.sid();
            for (String path : new String[]{base + ".wav", base}) {
                HttpResponse<byte[]> audio = get(server, path, ApiServer.basic(server.sub));
                assertEquals(200, audio.statusCode());
                assertEquals("audio/x-wav", audio.headers().firstValue("Content-Type").orElse(null));
                assertArrayEquals(FakeRecordingMedia.WAV.getBytes(), audio.body());
            }
            assertEquals(200, get(server, base + ".wav", ApiServer.basic(server.main)).statusCode(), "the owner account");

            ErrorBehaviourIT.errorOf(server.send("GET", base + ".wav", null, null), 401, 20003);
            ErrorBehaviourIT.errorOf(server.send("GET", base + ".wav", ApiServer.basic(server.sibling), null), 404, 20404);
            assertTrue(ErrorBehaviourIT.errorOf(server.send("GET", base + ".mp3", ApiServer.basic(server.sub), null), 415, 20415)
                    .getString("message").contains("MP3"));
        }
    }

    @Test
    void deletingARecordingRemovesItsAudio() {
        try (ApiServer server = ApiServer.start()) {
            Recording recording = seed(server, server.main.sid());
            String base = "/2010-04-01/Accounts/" + server.main.sid() + "/Recordings/" + recording.sid();
            assertEquals(204, server.send("DELETE", base, ApiServer.basic(server.main), null).statusCode());
            assertTrue(server.media.deleted.contains(recording.sid()));
            ErrorBehaviourIT.errorOf(server.send("GET", base + ".wav", ApiServer.basic(server.main), null), 404, 20404);
        }
    }

    @Test
    void missingAudioIsA404() {
        try (ApiServer server = ApiServer.start()) {
            Recording recording = seed(server, server.main.sid());
            server.media.deleted.add(recording.sid());
            String path = "/2010-04-01/Accounts/" + server.main.sid() + "/Recordings/" + recording.sid() + ".wav";
            ErrorBehaviourIT.errorOf(server.send("GET", path, ApiServer.basic(server.main), null), 404, 20404);
        }
    }

    @Test
    void publicMediaNeedsNoCredentialsButStaysWithinItsAccount() {
        try (ApiServer server = ApiServer.startWithPublicMedia()) {
            Recording recording = seed(server, server.sub.sid());
            String path = "/2010-04-01/Accounts/" + server.sub.sid() + "/Recordings/" + recording.sid() + ".wav";
            assertEquals(200, get(server, path, null).statusCode());
            ErrorBehaviourIT.errorOf(server.send("GET", path.replace(server.sub.sid(), server.sibling.sid()), null, null),
                    404, 20404);
            ErrorBehaviourIT.errorOf(server.send("GET", path.replace(recording.sid(), Sids.next(Sids.RECORDING)), null, null),
                    404, 20404);
            String metadata = "/2010-04-01/Accounts/" + server.sub.sid() + "/Recordings/" + recording.sid() + ".json";
            ErrorBehaviourIT.errorOf(server.send("GET", metadata, null, null), 401, 20003);
            ErrorBehaviourIT.errorOf(server.send("DELETE", path.replace(".wav", ""), null, null), 401, 20003);
        }
    }

    private static Recording seed(ApiServer server, String accountSid) {
        Instant now = Instant.now();
        return server.put(Recording.KIND, new Recording(Sids.next(Sids.RECORDING), accountSid, Sids.next(Sids.CALL), null,
                "completed", "RecordVerb", 1, 1, "rec", "wav", now, now, now));
    }

    private static HttpResponse<byte[]> get(ApiServer server, String path, String auth) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).GET();
        if (auth != null) {
            request.header("Authorization", auth);
        }
        try {
            return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
