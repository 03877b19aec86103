package org.patchbay.core.call;

import io.vertx.core.Vertx;
import org.patchbay.core.events.EventPublisher;
import org.patchbay.core.instructions.InstructionSource;
import org.patchbay.core.notification.Notifications;
import org.patchbay.core.recording.RecordingService;
import org.patchbay.core.store.Store;
import org.patchbay.core.telephony.Telephony;
import org.patchbay.core.tts.SpeechMedia;
import org.patchbay.core.twiml.TwimlParser;
import org.patchbay.core.webhook.WebhookSender;

/** Everything a call session uses, built once by the server and shared by all sessions. */
public record CallServices(
        Vertx vertx,
        Telephony telephony,
        Store store,
        InstructionSource instructions,
        WebhookSender webhooks,
        SpeechMedia speech,
        TwimlParser parser,
        VerbExecutors executors,
        Notifications notifications,
        RecordingService recordings,
        String nodeId,
        EventPublisher events) {
}
