package org.patchbay.testkit.telephony;

import org.patchbay.core.telephony.ChannelSnapshot;
import org.patchbay.core.telephony.OriginateRequest;
import org.patchbay.core.telephony.RecordRequest;
import org.patchbay.core.telephony.TelephonyEvent;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.patchbay.testkit.telephony.MediaScript.Outcome;

/**
 * One channel of the memory PBX, driven by the test as a caller would: press keys, hang up at any
 * moment (or the moment Patchbay makes a given request: {@link #hangUpOn}), end held playbacks and
 * recordings. Its state is touched on the PBX's event context only.
 */
public final class MemoryCall {
    private final MemoryTelephony pbx;
    private final String channelId;
    private final String from;
    private final String number;
    private final boolean originated;
    private final Deque<String> playbacks = new ArrayDeque<>();
    private final List<String> heard = new CopyOnWriteArrayList<>();
    private volatile String hangUpOn;
    private volatile boolean gone;
    private volatile boolean up;
    private volatile boolean endKnown;
    private RecordRequest recording;

    MemoryCall(MemoryTelephony pbx, String channelId, String from, String number, boolean originated) {
        this.pbx = pbx;
        this.channelId = channelId;
        this.from = from;
        this.number = number;
        this.originated = originated;
    }

    public String channelId() {
        return channelId;
    }

    public boolean gone() {
        return gone;
    }

    /** Patchbay has been told this channel ended (its StasisEnd or ChannelDestroyed was handled). */
    public boolean endKnown() {
        return endKnown;
    }

    void endDelivered() {
        endKnown = true;
    }

    public boolean isUp() {
        return up;
    }

    /** Media whose playback started on this channel, in order ({@code sound:beep}, …). */
    public List<String> heard() {
        return List.copyOf(heard);
    }

    public void press(String digits) {
        pbx.later(() -> digits.chars().forEach(digit -> {
            if (gone) {
                return;
            }
            pbx.emit(new TelephonyEvent.DtmfReceived(channelId, (char) digit, 100));
            if (recording != null && terminates(recording.terminateOn(), (char) digit)) {
                endRecording(pbx.media.recordedSeconds());
            }
        }));
    }

    public void hangUp() {
        pbx.later(() -> leave(true));
    }

    /** The caller hangs up just as Patchbay's next request of this kind (answer, play, record, …) reaches the PBX. */
    public void hangUpOn(String verb) {
        this.hangUpOn = verb;
    }

    public void finishPlayback() {
        pbx.later(() -> {
            String id = playbacks.poll();
            if (id != null) {
                finished(id, "done");
            }
        });
    }

    public void finishRecording(int seconds) {
        pbx.later(() -> endRecording(seconds));
    }

    // ---- the PBX's side -----------------------------------------------------------------------

    ChannelSnapshot snapshot(String state) {
        return new ChannelSnapshot(channelId, (originated ? "Local/" : "PJSIP/") + channelId, state, "", from, "", "",
                originated ? "" : "patchbay-inbound", originated ? "" : number, "en");
    }

    /** The caller hangs up as this request arrives: gone at once (a request about it fails), events follow. */
    void hangsUpAt(String verb) {
        if (verb.equals(hangUpOn) && !gone) {
            hangUpOn = null;
            gone = true;
            pbx.later(() -> release(true));
        }
    }

    void answered() {
        up = true;
        pbx.emit(new TelephonyEvent.ChannelStateChanged(snapshot("Up")));
    }

    void playing(String playbackId, List<String> media) {
        heard.addAll(media);
        pbx.emit(new TelephonyEvent.PlaybackStarted(playbackId, "channel:" + channelId, media.get(0)));
        Outcome outcome = pbx.media.playbacks();
        if (outcome == Outcome.HOLD) {
            playbacks.add(playbackId);
        } else {
            finished(playbackId, outcome == Outcome.FAIL ? "failed" : "done");
        }
    }

    boolean stopPlayback(String playbackId) {
        if (!playbacks.remove(playbackId)) {
            return false;
        }
        pbx.later(() -> finished(playbackId, "done"));
        return true;
    }

    private void finished(String playbackId, String state) {
        pbx.emit(new TelephonyEvent.PlaybackFinished(playbackId, "channel:" + channelId, "", state));
    }

    void recording(RecordRequest request) {
        pbx.emit(new TelephonyEvent.RecordingStarted(request.name(), "channel:" + channelId));
        Outcome outcome = pbx.media.recordings();
        if (outcome == Outcome.FAIL) {
            pbx.emit(new TelephonyEvent.RecordingFailed(request.name(), "channel:" + channelId, "cannot write"));
        } else {
            recording = request;
            if (outcome == Outcome.FINISH) {
                endRecording(pbx.media.recordedSeconds());
            }
        }
    }

    boolean stopRecording(String name) {
        if (recording == null || !recording.name().equals(name)) {
            return false;
        }
        pbx.later(() -> endRecording(pbx.media.recordedSeconds()));
        return true;
    }

    private void endRecording(int seconds) {
        if (recording != null) {
            String name = recording.name();
            recording = null;
            pbx.stored.put(name, seconds);
            pbx.emit(new TelephonyEvent.RecordingFinished(name, "channel:" + channelId, seconds));
        }
    }

    private static boolean terminates(String terminateOn, char digit) {
        return "any".equals(terminateOn) || (terminateOn != null && terminateOn.indexOf(digit) >= 0);
    }

    void hungUpByPatchbay() {
        leave(false);
    }

    /** Asterisk's order: media ends, the channel leaves its bridges, then Stasis (and, if originated, is destroyed). */
    private void leave(boolean byCaller) {
        if (gone) {
            return;
        }
        gone = true;
        release(byCaller);
    }

    private void release(boolean byCaller) {
        while (!playbacks.isEmpty()) {
            finished(playbacks.poll(), "failed");
        }
        endRecording(pbx.media.recordedSeconds());
        pbx.bridges.leave(channelId);
        if (byCaller) {
            pbx.emit(new TelephonyEvent.HangupRequested(channelId, 16));
        }
        pbx.emit(new TelephonyEvent.StasisEnded(channelId));
        if (originated) {
            pbx.emit(new TelephonyEvent.ChannelDestroyed(channelId, 16, "Normal Clearing"));
        }
    }

    // ---- an originated channel's far end --------------------------------------------------------

    void progress(OriginateRequest request, String status) {
        pbx.emit(FarEnd.dial(channelId, request, status));
    }

    void enterStasisAnswered(List<String> args) {
        up = true;
        pbx.emit(new TelephonyEvent.StasisStarted(snapshot("Up"), args == null ? List.of() : args));
    }

    void noAnswerAfter(int seconds) {
        if (seconds > 0) {
            pbx.after(seconds * 1000L, () -> {
                if (!gone) {
                    destroyed(19, "No answer");
                }
            });
        }
    }

    void destroyed(int cause, String text) {
        gone = true;
        pbx.emit(new TelephonyEvent.ChannelDestroyed(channelId, cause, text));
    }
}
