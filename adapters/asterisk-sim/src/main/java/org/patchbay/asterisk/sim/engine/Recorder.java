package org.patchbay.asterisk.sim.engine;

import io.vertx.core.json.JsonObject;
import org.patchbay.asterisk.sim.media.Wav;

import java.util.List;
import java.util.Set;

/**
 * Live recordings of channels and bridges. A recording ends when stopped, cancelled, at its maximum
 * duration (once some audio arrived), after {@code maxSilenceSeconds} of silence following speech, on a
 * terminating DTMF digit, or when its target goes away. With no audio at all Asterisk keeps waiting for
 * frames; the sim ends such a recording {@value #NO_AUDIO_GRACE_MILLIS} ms after the later of the maximum
 * duration and {@value #NO_AUDIO_GRACE_MILLIS} ms, which is when the capture's empty recording ended.
 */
public final class Recorder {
    static final long NO_AUDIO_GRACE_MILLIS = 2000;
    private static final long BEEP_MILLIS = 425;
    private static final Set<String> FORMATS = Set.of("wav", "wav16", "WAV", "gsm", "ulaw", "alaw", "sln",
            "sln16", "g722", "g729", "ilbc", "siren7", "siren14", "ogg");

    private final World world;

    Recorder(World world) {
        this.world = world;
    }

    public JsonObject recordChannel(String channelId, RecordingOptions options) {
        Channel channel = world.stasisChannel(channelId);
        validate(options);
        return enqueue(new LiveRecording(options, channel, null), channel.control);
    }

    public JsonObject recordBridge(String bridgeId, RecordingOptions options) {
        Bridge bridge = world.bridge(bridgeId);
        validate(options);
        return enqueue(new LiveRecording(options, null, bridge), bridge.recordings);
    }

    public JsonObject live(String name) {
        return find(name).toJson();
    }

    public void stop(String name) {
        end(find(name), "done");
    }

    /** Cancelling keeps nothing: no stored recording is made. */
    public void cancel(String name) {
        end(find(name), "canceled");
    }

    void dtmfReceived(Channel channel, char digit) {
        LiveRecording recording = channel.recording != null ? channel.recording
                : channel.bridge != null ? channel.bridge.recording : null;
        if (recording == null || !"recording".equals(recording.state)) {
            return;
        }
        String terminateOn = recording.options.terminateOn();
        if ("any".equals(terminateOn) || terminateOn.equals(String.valueOf(digit))) {
            finish(recording, "done");
        }
    }

    private void validate(RecordingOptions options) {
        if (options.name() == null || options.name().isEmpty()) {
            throw AriError.badRequest("Recording name is required");
        }
        if (options.maxDurationMillis() < 0 || options.maxSilenceMillis() < 0) {
            throw AriError.badRequest("maxDurationSeconds and maxSilenceSeconds cannot be negative");
        }
        if (!List.of("fail", "overwrite", "append").contains(options.ifExists())) {
            throw AriError.badRequest("ifExists invalid");
        }
        if (!List.of("none", "any", "*", "#").contains(options.terminateOn())) {
            throw AriError.badRequest("terminateOn invalid");
        }
        if (options.format() == null || !FORMATS.contains(options.format())) {
            throw AriError.unprocessable("specified format is unknown on this system");
        }
        if (world.recordings.containsKey(options.name())) {
            throw AriError.conflict("Recording '" + options.name() + "' already in progress");
        }
        if ("fail".equals(options.ifExists()) && world.stored.containsKey(options.name())) {
            throw AriError.conflict("Recording '" + options.name() + "' already exists and can not be overwritten");
        }
    }

    private LiveRecording find(String name) {
        LiveRecording recording = world.recordings.get(name);
        if (recording == null) {
            throw AriError.notFound("Recording not found");
        }
        return recording;
    }

    private JsonObject enqueue(LiveRecording recording, CommandQueue queue) {
        world.recordings.put(recording.name(), recording);
        JsonObject snapshot = recording.toJson();
        recording.queue = queue;
        recording.command = new CommandQueue.Command() {
            @Override
            public void run(CommandQueue commands) {
                begin(recording);
            }

            @Override
            public void abort(boolean wasRunning) {
                end(recording, "done");
            }
        };
        queue.submit(recording.command);
        return snapshot;
    }

    private void begin(LiveRecording recording) {
        recording.state = "recording";
        emit(recording, "RecordingStarted");
        if (recording.channel != null) {
            recording.channel.recording = recording;
        } else {
            recording.bridge.recording = recording;
        }
        if (recording.options.beep()) {
            hearBeep(recording);
            recording.beepTimer = world.clock.after(BEEP_MILLIS, () -> startCapture(recording));
        } else {
            startCapture(recording);
        }
    }

    private void startCapture(LiveRecording recording) {
        recording.beepTimer = -1;
        recording.captureStartMillis = world.clock.nowMillis();
        recording.listener = active -> audioChanged(recording, active);
        recording.feed.listen(recording.listener);
        if (recording.feed.active()) {
            audioChanged(recording, true);
        }
        long maxDuration = recording.options.maxDurationMillis();
        if (maxDuration > 0) {
            recording.maxTimer = world.clock.after(maxDuration, () -> {
                recording.maxTimer = -1;
                if (recording.anySpeech) {
                    finish(recording, "done");
                }
            });
        }
        if (recording.continuous()) {
            return;
        }
        long noAudioAfter = Math.max(maxDuration, NO_AUDIO_GRACE_MILLIS) + NO_AUDIO_GRACE_MILLIS;
        recording.noAudioTimer = world.clock.after(noAudioAfter, () -> {
            recording.noAudioTimer = -1;
            if (!recording.anySpeech) {
                finish(recording, "done");
            }
        });
    }

    private void audioChanged(LiveRecording recording, boolean active) {
        long now = world.clock.nowMillis();
        if (active && recording.speechSinceMillis < 0) {
            recording.speechSinceMillis = now;
            recording.anySpeech = true;
            world.clock.cancel(recording.silenceTimer);
            long maxDuration = recording.options.maxDurationMillis();
            if (maxDuration > 0 && now - recording.captureStartMillis >= maxDuration) {
                finish(recording, "done");
            }
        } else if (!active && recording.speechSinceMillis >= 0) {
            recording.speechMillis += now - recording.speechSinceMillis;
            recording.speechSinceMillis = -1;
            long maxSilence = recording.options.maxSilenceMillis();
            if (maxSilence > 0) {
                recording.silenceTimer = world.clock.after(maxSilence, () -> finish(recording, "done"));
            }
        }
    }

    /** Ends a recording whether or not it has started yet; one still queued leaves no trace. */
    private void end(LiveRecording recording, String state) {
        if ("queued".equals(recording.state)) {
            recording.queue.remove(recording.command);
            world.recordings.remove(recording.name());
            return;
        }
        finish(recording, state);
    }

    private void finish(LiveRecording recording, String state) {
        if (!"recording".equals(recording.state)) {
            return;
        }
        long captured = recording.capturing() ? recording.capturedMillis(world.clock.nowMillis()) : 0;
        List.of(recording.maxTimer, recording.noAudioTimer, recording.silenceTimer, recording.beepTimer)
                .forEach(world.clock::cancel);
        if (recording.listener != null) {
            recording.feed.unlisten(recording.listener);
        }
        if (recording.channel != null && recording.channel.recording == recording) {
            recording.channel.recording = null;
        } else if (recording.bridge != null && recording.bridge.recording == recording) {
            recording.bridge.recording = null;
        }
        recording.state = state;
        if ("done".equals(state)) {
            recording.durationSeconds = captured / 1000;
            if (recording.options.maxSilenceMillis() > 0) {
                recording.talkingSeconds = recording.durationSeconds;
            }
            store(recording, captured);
        }
        emit(recording, "RecordingFinished");
        world.recordings.remove(recording.name());
        recording.queue.done(recording.command);
    }

    private void store(LiveRecording recording, long capturedMillis) {
        List<Wav.Segment> audio = capturedMillis > 0 ? List.of(new Wav.Segment(true, capturedMillis)) : List.of();
        String name = recording.name();
        StoredRecording existing = world.stored.get(name);
        world.stored.put(name, "append".equals(recording.options.ifExists()) && existing != null
                ? existing.appended(audio)
                : new StoredRecording(name, recording.options.format(), audio));
    }

    private void hearBeep(LiveRecording recording) {
        long now = world.clock.nowMillis();
        List<Channel> listeners = recording.channel != null ? List.of(recording.channel) : recording.bridge.members;
        for (Channel listener : listeners) {
            if (listener.heard != null) {
                listener.heard.add("beep", "sound:beep", "done", now);
            }
        }
    }

    private void emit(LiveRecording recording, String type) {
        if (recording.channel != null) {
            world.emit(recording.channel, world.events.recording(type, recording));
        } else {
            world.emit(recording.bridge, world.events.recording(type, recording));
        }
    }
}
