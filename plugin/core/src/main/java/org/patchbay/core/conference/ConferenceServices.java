package org.patchbay.core.conference;

import io.vertx.core.Context;
import org.patchbay.core.recording.RecordingService;
import org.patchbay.core.store.Store;
import org.patchbay.core.telephony.Telephony;
import org.patchbay.core.webhook.WebhookSender;

/** What conference and queue rooms use: one context of their own, the PBX, the store, webhooks. */
public record ConferenceServices(Context context, Telephony telephony, Store store, WebhookSender webhooks,
                                 RecordingService recordings) {
}
