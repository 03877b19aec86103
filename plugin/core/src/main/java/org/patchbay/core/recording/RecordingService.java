package org.patchbay.core.recording;

import io.vertx.core.Future;
import org.patchbay.core.sid.Sids;
import org.patchbay.core.store.Store;
import org.patchbay.core.webhook.Webhook;
import org.patchbay.core.webhook.WebhookSender;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps the Recording records of calls (whatever made them: Record verb, Dial, conference) and
 * tells the application when one is ready through its {@code recordingStatusCallback}.
 */
public final class RecordingService {
    private static final DateTimeFormatter RFC_2822 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final Store store;
    private final WebhookSender webhooks;
    private final String publicBaseUrl;

    public RecordingService(Store store, WebhookSender webhooks, String publicBaseUrl) {
        this.store = store;
        this.webhooks = webhooks;
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }

    /** A new recording, in progress; its SID also names the audio file on the PBX. */
    public Recording begin(String accountSid, String callSid, String conferenceSid, String source) {
        Instant now = Instant.now();
        String sid = Sids.next(Sids.RECORDING);
        Recording recording = new Recording(sid, accountSid, callSid, conferenceSid, "in-progress", source, null, 1,
                sid, "wav", now, now, now);
        store.of(Recording.KIND).put(recording);
        return recording;
    }

    /** Settles a finished recording: {@code completed} with its length, or {@code absent} when nothing was heard. */
    public Future<Recording> finish(Recording recording, int durationSeconds) {
        Recording done = new Recording(recording.sid(), recording.accountSid(), recording.callSid(),
                recording.conferenceSid(), durationSeconds > 0 ? "completed" : "absent", recording.source(),
                durationSeconds, recording.channels(), recording.mediaName(), recording.mediaFormat(),
                recording.startTime(), recording.dateCreated(), Instant.now());
        return store.of(Recording.KIND).put(done).map(done);
    }

    /** Where the application fetches the audio, as Twilio's RecordingUrl (no extension: WAV by default). */
    public String url(Recording recording) {
        return publicBaseUrl + "/2010-04-01/Accounts/" + recording.accountSid() + "/Recordings/" + recording.sid();
    }

    public void notifyStatus(Recording recording, String callbackUrl, String method, String authToken) {
        if (callbackUrl == null || callbackUrl.isBlank()) {
            return;
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", recording.accountSid());
        params.put("CallSid", recording.callSid() == null ? "" : recording.callSid());
        params.put("RecordingSid", recording.sid());
        params.put("RecordingUrl", url(recording));
        params.put("RecordingStatus", recording.status());
        params.put("RecordingDuration", String.valueOf(recording.duration() == null ? 0 : recording.duration()));
        params.put("RecordingChannels", String.valueOf(recording.channels()));
        params.put("RecordingSource", recording.source());
        params.put("RecordingStartTime", RFC_2822.format(recording.startTime()));
        if (recording.conferenceSid() != null) {
            params.put("ConferenceSid", recording.conferenceSid());
        }
        webhooks.send(new Webhook(callbackUrl, method == null ? "POST" : method, params, authToken, recording.sid()));
    }
}
