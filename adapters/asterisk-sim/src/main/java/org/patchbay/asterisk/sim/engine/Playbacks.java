package org.patchbay.asterisk.sim.engine;

import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.UUID;

/**
 * Playbacks to channels and bridges. A playback is a command on its target's queue, so playbacks to one
 * target play one after another and hold back the commands queued behind them.
 */
public final class Playbacks {
    private final World world;
    private final Bridging bridging;
    private final MediaPlanner planner;

    Playbacks(World world, Bridging bridging) {
        this.world = world;
        this.bridging = bridging;
        this.planner = new MediaPlanner(world);
    }

    public JsonObject playOnChannel(String channelId, List<String> media, String language, String playbackId) {
        Channel channel = world.stasisChannel(channelId);
        Playback playback = create(media, language, playbackId, channel, null);
        return enqueue(playback, channel.control);
    }

    public JsonObject playOnBridge(String bridgeId, List<String> media, String language, String playbackId) {
        Bridge bridge = world.bridge(bridgeId);
        Playback playback = create(media, language, playbackId, null, bridge);
        return enqueue(playback, bridge.playbacks);
    }

    public JsonObject get(String playbackId) {
        return find(playbackId).toJson();
    }

    /** Stopping a playing playback finishes it as {@code done}; a queued one is cancelled when its turn comes. */
    public void stop(String playbackId) {
        Playback playback = find(playbackId);
        if (playback.command != null && playback.queue.running() == playback.command
                && !"queued".equals(playback.state)) {
            heard(playback, "stopped");
            finish(playback, "done");
        } else {
            playback.canceled = true;
        }
    }

    private Playback find(String playbackId) {
        Playback playback = world.playbacks.get(playbackId);
        if (playback == null) {
            throw AriError.notFound("Playback not found");
        }
        return playback;
    }

    private Playback create(List<String> media, String language, String playbackId, Channel channel, Bridge bridge) {
        if (media.isEmpty()) {
            throw AriError.serverError("Failed to queue media for playback");
        }
        String id = playbackId == null || playbackId.isEmpty() ? UUID.randomUUID().toString() : playbackId;
        if (world.playbacks.containsKey(id)) {
            throw AriError.conflict("Playback with id '" + id + "' already exists");
        }
        String lang = language == null || language.isEmpty() ? "en" : language;
        return new Playback(id, media, lang, channel, bridge);
    }

    private JsonObject enqueue(Playback playback, CommandQueue queue) {
        world.playbacks.put(playback.id, playback);
        JsonObject snapshot = playback.toJson();
        playback.queue = queue;
        playback.command = new CommandQueue.Command() {
            @Override
            public void run(CommandQueue commands) {
                begin(playback);
            }

            @Override
            public void abort(boolean wasRunning) {
                aborted(playback, wasRunning);
            }
        };
        queue.submit(playback.command);
        return snapshot;
    }

    private void begin(Playback playback) {
        if (playback.canceled) {
            playback.state = "canceled";
            emit(playback, "PlaybackFinished");
            forget(playback);
            return;
        }
        playback.state = "playing";
        if (playback.bridge != null) {
            bridging.announcing(playback.bridge, true);
        }
        startMedia(playback);
    }

    private void startMedia(Playback playback) {
        emit(playback, "PlaybackStarted");
        MediaPlan plan = planner.plan(playback.currentMedia());
        if (plan instanceof MediaPlan.Timed timed) {
            play(playback, timed.millis());
        } else if (plan instanceof MediaPlan.Failed) {
            fail(playback);
        } else if (plan instanceof MediaPlan.Endless) {
            hear(playback);
        } else if (plan instanceof MediaPlan.Vanishes) {
            forget(playback);
        } else if (plan instanceof MediaPlan.Fetching fetching) {
            int index = playback.index;
            fetching.millis().onComplete(fetched -> {
                if (world.playbacks.get(playback.id) != playback || playback.index != index
                        || !"playing".equals(playback.state)) {
                    return;
                }
                if (fetched.succeeded()) {
                    play(playback, fetched.result());
                } else {
                    fail(playback);
                }
            });
        }
    }

    private void play(Playback playback, long millis) {
        hear(playback);
        playback.timer = world.clock.after(millis, () -> {
            playback.timer = -1;
            mediaEnded(playback);
        });
    }

    private void fail(Playback playback) {
        hear(playback);
        heard(playback, "failed");
        finish(playback, "failed");
    }

    private void mediaEnded(Playback playback) {
        heard(playback, "done");
        if (playback.index + 1 < playback.media.size()) {
            playback.state = "continuing";
            emit(playback, "PlaybackContinuing");
            playback.index++;
            playback.state = "playing";
            startMedia(playback);
        } else {
            finish(playback, "done");
        }
    }

    private void finish(Playback playback, String state) {
        world.clock.cancel(playback.timer);
        playback.timer = -1;
        playback.state = state;
        emit(playback, "PlaybackFinished");
        forget(playback);
    }

    private void forget(Playback playback) {
        world.playbacks.remove(playback.id);
        if (playback.bridge != null) {
            bridging.announcing(playback.bridge, false);
        }
        playback.queue.done(playback.command);
    }

    /** The target hung up or was destroyed: a playing playback fails, queued ones are dropped. */
    private void aborted(Playback playback, boolean wasRunning) {
        world.playbacks.remove(playback.id);
        if (!wasRunning || !"playing".equals(playback.state)) {
            return;
        }
        world.clock.cancel(playback.timer);
        heard(playback, "failed");
        playback.state = "failed";
        emit(playback, "PlaybackFinished");
        if (playback.bridge != null) {
            bridging.announcing(playback.bridge, false);
        }
    }

    private void hear(Playback playback) {
        long now = world.clock.nowMillis();
        String media = playback.currentMedia();
        if (playback.channel != null) {
            if (playback.channel.heard != null) {
                playback.heardNow.add(playback.channel.heard.add("playback", media, "playing", now));
            }
            return;
        }
        for (Channel member : playback.bridge.members) {
            if (member.heard != null) {
                playback.heardNow.add(member.heard.add("bridge-playback", media, "playing", now));
            }
        }
    }

    private void heard(Playback playback, String outcome) {
        playback.heardNow.forEach(item -> item.finish(outcome));
        playback.heardNow.clear();
    }

    private void emit(Playback playback, String type) {
        if (playback.channel != null) {
            world.emit(playback.channel, world.events.playback(type, playback));
        } else {
            world.emit(playback.bridge, world.events.playback(type, playback));
        }
    }
}
