package org.patchbay.core.call;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import org.patchbay.core.telephony.Telephony;
import org.patchbay.core.twiml.Say;

import java.util.List;

/**
 * What a verb executor may do with its call. Waits complete with {@link PlaybackResult#INTERRUPTED}
 * (or simply complete) when the caller hangs up or the call is redirected, so an executor needs no
 * checks of its own: the session ignores whatever a superseded executor returns.
 */
public interface CallControl {

    CallRecord record();

    String channelId();

    /** The URL of the document being run; relative URLs resolve against it. */
    String documentUrl();

    String resolve(String url);

    boolean answered();

    /** Starts media (one item after another) and returns a handle; claims the playback's events. */
    Playback startPlayback(List<String> media);

    default Future<PlaybackResult> play(List<String> media) {
        return startPlayback(media).finished();
    }

    /** The media URI of synthesised speech for a {@code <Say>}. */
    Future<String> speech(Say say);

    /** The media URI for an http(s) {@code <Play>} URL, fetched and converted; fails with {@code MediaFailure}. */
    Future<String> playableMedia(String url);

    /** Waits, ending early if the call ends or is redirected. */
    Future<Void> pause(long millis);

    /** Runs {@code action} after a delay on the call's context; cancelled if the call ends or moves on. */
    Cancellable schedule(long millis, Runnable action);

    /** Receives the caller's keys until replaced or cleared with null. */
    void onDtmf(Handler<Character> listener);

    Future<Void> sendDtmf(String digits);

    /** Ends the call without answering it; the final status follows the reason (busy or no-answer). */
    Future<Void> reject(String reason);

    /** Records a warning against the call (a Notification with log level 1). */
    void warn(int errorCode, String message);

    /** The PBX requests verbs make, guarded by the session: none reaches a channel after the call ended. */
    CallPbx pbx();

    org.patchbay.core.account.Account account();

    org.patchbay.core.recording.RecordingService recordings();

    /**
     * Routes events about a resource this call created (a recording, a bridge, a dialled channel)
     * to {@code handler}. With {@code outlivesCall} the handler keeps receiving them after the call
     * ended, until it calls {@link #unlisten} (a recording still finishing after a hang-up).
     */
    void listen(String key, Handler<org.patchbay.core.telephony.TelephonyEvent> handler, boolean outlivesCall);

    void unlisten(String key);

    /**
     * Rings another party for this call: a child call (ParentCallSid = this call, outbound-dial) on
     * this call's context. Fails at once if the address cannot be dialled.
     */
    Future<CallLeg> dial(DialLegRequest request, DialLegObserver observer);

    /** Answers the call now if it is not answered yet (Dial with answerOnBridge answers when the callee does). */
    Future<Void> answerNow();

    /**
     * Fetches and parses a document for a nested purpose (a wait or hold document): failures are
     * logged as Notifications and fail the future; the application's fallback URL is not used.
     */
    Future<org.patchbay.core.twiml.TwimlDocument> fetchDocument(String url, String method, java.util.Map<String, String> extra);

    /** Publishes an event of this call to the event router. */
    void publish(org.patchbay.core.events.CallEvent event);

    /** Completes when the call has ended (either side hung up). */
    Future<Void> whenEnded();

    /** Sends the application a signed request with the call's parameters plus {@code extra}, not waiting for it. */
    void callback(String url, String method, java.util.Map<String, String> extra);

    /** Sends a signed request with exactly {@code params} (a stream status callback), not waiting for it. */
    void sendWebhook(String url, String method, java.util.Map<String, String> params);

    /** The call's one-way Media Streams ({@code <Start><Stream>}), which outlive the verb that started them. */
    org.patchbay.core.call.stream.CallForks forks();
}
