package org.patchbay.core.call;

import org.patchbay.core.recording.Recording;
import org.patchbay.core.telephony.RecordRequest;
import org.patchbay.core.telephony.TelephonyEvent;

import java.util.List;

/**
 * Records a whole call from answer, for {@code POST /Calls Record=true}: a snoop channel hears both
 * directions of the call's channel and is recorded until the call ends (Asterisk hangs the snoop up
 * with it). Recording the call's own channel instead would hold its command queue, and no prompt
 * could play until the recording ended. The recording callback gets the events asked for.
 */
final class WholeCallRecording {
    static final String SNOOP_ARG = "patchbay-recording";

    private final CallControl call;
    private final CallRecordingOptions options;
    private final String snoopId;
    private Recording recording;
    private boolean settled;

    private WholeCallRecording(CallControl call, CallRecordingOptions options) {
        this.call = call;
        this.options = options;
        this.snoopId = call.channelId() + "-recording";
    }

    static void start(CallControl call, CallRecordingOptions options) {
        new WholeCallRecording(call, options).begin();
    }

    private void begin() {
        recording = call.recordings().begin(call.account().sid(), call.record().sid(), null, "OutboundAPI");
        call.listen(snoopId, this::onSnoopEvent, true);
        call.listen(recording.mediaName(), this::onRecordingEvent, true);
        call.pbx().snoop(snoopId, "both", List.of(SNOOP_ARG, call.record().sid())).onFailure(e -> settle(0));
    }

    private void onSnoopEvent(TelephonyEvent event) {
        if (event instanceof TelephonyEvent.StasisStarted) {
            call.pbx().recordChannel(snoopId, new RecordRequest(recording.mediaName(), "wav", 0, 0, false, "none"))
                    .onFailure(e -> settle(0));
        }
    }

    private void onRecordingEvent(TelephonyEvent event) {
        if (event instanceof TelephonyEvent.RecordingStarted && options.events().contains("in-progress")) {
            notifyStatus(recording);
        } else if (event instanceof TelephonyEvent.RecordingFinished finished) {
            settle(finished.durationSeconds());
        } else if (event instanceof TelephonyEvent.RecordingFailed) {
            settle(0);
        }
    }

    private void settle(int seconds) {
        if (settled) {
            return;
        }
        settled = true;
        call.unlisten(snoopId);
        call.unlisten(recording.mediaName());
        call.recordings().finish(recording, seconds).onSuccess(done -> {
            if (options.events().contains(done.status())) {
                notifyStatus(done);
            }
        });
    }

    private void notifyStatus(Recording current) {
        String url = options.statusCallback() == null ? null : call.resolve(options.statusCallback());
        call.recordings().notifyStatus(current, url, options.statusCallbackMethod(), call.account().authToken());
    }
}
