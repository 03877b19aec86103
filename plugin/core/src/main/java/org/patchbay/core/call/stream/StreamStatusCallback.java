package org.patchbay.core.call.stream;

import org.patchbay.core.call.CallControl;
import org.patchbay.core.twiml.Stream;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Twilio's stream status callback, for {@code <Start><Stream>} and {@code <Connect><Stream>} alike: exactly
 * {@code AccountSid}, {@code CallSid}, {@code StreamSid}, {@code StreamName} (the name, or the SID without one),
 * {@code StreamEvent}, {@code StreamError} for an error and {@code Timestamp} (ISO 8601), none of the call's own
 * parameters. {@code stream-stopped} is sent only for a stream whose {@code stream-started} was.
 */
public final class StreamStatusCallback {
    private final CallControl call;
    private final Stream stream;
    private final String streamSid;
    private boolean started;

    public StreamStatusCallback(CallControl call, Stream stream, String streamSid) {
        this.call = call;
        this.stream = stream;
        this.streamSid = streamSid;
    }

    public void started() {
        started = true;
        send("stream-started", null);
    }

    public void stopped() {
        if (started) {
            started = false;
            send("stream-stopped", null);
        }
    }

    public void error(String why) {
        send("stream-error", why);
    }

    private void send(String event, String error) {
        if (stream.statusCallback() == null) {
            return;
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", call.record().accountSid());
        params.put("CallSid", call.record().sid());
        params.put("StreamSid", streamSid);
        params.put("StreamName", stream.name() == null ? streamSid : stream.name());
        params.put("StreamEvent", event);
        if (error != null) {
            params.put("StreamError", error);
        }
        params.put("Timestamp", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        String method = stream.statusCallbackMethod() == null ? "POST" : stream.statusCallbackMethod();
        call.sendWebhook(call.resolve(stream.statusCallback()), method, params);
    }
}
