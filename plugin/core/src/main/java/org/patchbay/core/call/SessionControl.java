package org.patchbay.core.call;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import org.patchbay.core.account.Account;
import org.patchbay.core.call.stream.CallForks;
import org.patchbay.core.events.CallEvent;
import org.patchbay.core.instructions.RelativeUrls;
import org.patchbay.core.notification.Notifications;
import org.patchbay.core.recording.RecordingService;
import org.patchbay.core.telephony.TelephonyEvent;
import org.patchbay.core.twiml.Say;
import org.patchbay.core.twiml.TwimlDocument;
import org.patchbay.core.webhook.Webhook;

import java.util.List;
import java.util.Map;

/**
 * The session as its verbs see it. Everything a verb asks of the PBX goes through the session's guard
 * ({@link CallPbx}), its waits and listeners, so nothing reaches the channel once the call has ended.
 */
final class SessionControl implements CallControl {
    private final CallSession session;
    private final CallServices services;
    private final VerbLoop loop;
    private final SessionWaits waits;
    private final SessionListeners listeners;
    private final CallPbx pbx;
    private final CallForks forks = new CallForks();
    private Handler<Character> dtmfListener;

    SessionControl(CallSession session, CallServices services, VerbLoop loop, SessionWaits waits,
                   SessionListeners listeners, CallPbx pbx) {
        this.session = session;
        this.services = services;
        this.loop = loop;
        this.waits = waits;
        this.listeners = listeners;
        this.pbx = pbx;
    }

    void dtmfReceived(char digit) {
        if (dtmfListener != null) {
            dtmfListener.handle(digit);
        }
    }

    /** The verb that listened is over (redirect or hang-up); its waits complete as interrupted, or as ended. */
    void releaseVerb(boolean interrupted) {
        dtmfListener = null;
        waits.interruptAll(interrupted);
    }

    @Override
    public CallRecord record() {
        return session.record();
    }

    @Override
    public String channelId() {
        return session.channelId();
    }

    @Override
    public String documentUrl() {
        return loop.documentUrl();
    }

    @Override
    public String resolve(String url) {
        return loop.documentUrl() == null ? url : RelativeUrls.resolve(loop.documentUrl(), url);
    }

    @Override
    public boolean answered() {
        return session.answered();
    }

    @Override
    public Playback startPlayback(List<String> media) {
        return waits.play(record().sid(), channelId(), media);
    }

    @Override
    public Future<String> speech(Say say) {
        return services.speech().mediaFor(say.text(), say.voice(), say.language());
    }

    @Override
    public Future<String> playableMedia(String url) {
        return services.speech().mediaForUrl(url);
    }

    @Override
    public Future<Void> pause(long millis) {
        return waits.pause(millis);
    }

    @Override
    public Cancellable schedule(long millis, Runnable action) {
        return waits.schedule(millis, action);
    }

    @Override
    public void onDtmf(Handler<Character> listener) {
        dtmfListener = listener;
    }

    @Override
    public Future<Void> sendDtmf(String digits) {
        return pbx.sendDigits(digits);
    }

    @Override
    public Future<Void> reject(String reason) {
        return session.reject(reason);
    }

    @Override
    public void warn(int errorCode, String message) {
        services.notifications().warning(account().sid(), record().sid(), errorCode, message,
                new Notifications.Request(loop.documentUrl(), null, Map.of(), null, null));
    }

    @Override
    public CallPbx pbx() {
        return pbx;
    }

    @Override
    public void listen(String key, Handler<TelephonyEvent> handler, boolean outlivesCall) {
        listeners.listen(key, handler, outlivesCall);
    }

    @Override
    public void unlisten(String key) {
        listeners.unlisten(key);
    }

    @Override
    public Future<CallLeg> dial(DialLegRequest request, DialLegObserver observer) {
        return session.dial(request, observer);
    }

    @Override
    public Future<Void> answerNow() {
        return session.answer();
    }

    @Override
    public Future<TwimlDocument> fetchDocument(String url, String method, Map<String, String> extra) {
        return loop.fetchOnly(url, method, extra);
    }

    @Override
    public void publish(CallEvent event) {
        services.events().publish(event);
    }

    @Override
    public Future<Void> whenEnded() {
        return session.whenEnded();
    }

    @Override
    public Account account() {
        return session.account();
    }

    @Override
    public RecordingService recordings() {
        return services.recordings();
    }

    @Override
    public void callback(String url, String method, Map<String, String> extra) {
        Map<String, String> params = CallParameters.of(record());
        params.putAll(extra);
        services.webhooks().send(new Webhook(url, method, params, account().authToken(), record().sid()));
    }

    @Override
    public void sendWebhook(String url, String method, Map<String, String> params) {
        services.webhooks().send(new Webhook(url, method, params, account().authToken(), record().sid()));
    }

    @Override
    public CallForks forks() {
        return forks;
    }
}
