package org.patchbay.asterisk.sim.engine;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.function.Consumer;

/**
 * The ARI operations on one channel. Those Asterisk runs through the channel's control queue (answer,
 * ring, music on hold, ...) complete, and get their HTTP response, only when their turn comes.
 */
public final class ChannelOps {
    private final World world;
    private final Hangups hangups;
    private final Inbound inbound;
    private final Moh moh;
    private final Dtmf dtmf;
    private final Stasis stasis;

    ChannelOps(World world, Hangups hangups, Inbound inbound, Moh moh, Dtmf dtmf, Stasis stasis) {
        this.world = world;
        this.hangups = hangups;
        this.inbound = inbound;
        this.moh = moh;
        this.dtmf = dtmf;
        this.stasis = stasis;
    }

    public JsonArray list() {
        JsonArray out = new JsonArray();
        world.channels.values().forEach(channel -> out.add(channel.toJson()));
        return out;
    }

    public JsonObject get(String channelId) {
        return world.channel(channelId).toJson();
    }

    public void hangup(String channelId, String reason, String reasonCode) {
        Channel channel = world.channel(channelId);
        int cause = Causes.NORMAL;
        if (reasonCode != null && !reasonCode.isEmpty()) {
            try {
                cause = Integer.parseInt(reasonCode.trim());
            } catch (NumberFormatException notANumber) {
                throw AriError.badRequest("Invalid reason for hangup provided");
            }
        } else if (reason != null && !reason.isEmpty()) {
            Integer mapped = Causes.forReason(reason);
            if (mapped == null) {
                throw AriError.badRequest("Invalid reason for hangup provided");
            }
            cause = mapped;
        }
        hangups.byApp(channel, cause);
    }

    public Future<Void> answer(String channelId) {
        return queued(channelId, channel -> {
            if ("Up".equals(channel.state)) {
                return;
            }
            channel.state = "Up";
            world.emit(channel, world.events.channel("ChannelStateChange", channel));
            if (channel.role == Channel.Role.STASIS_IN) {
                inbound.answered(channel);
            }
        });
    }

    public Future<Void> ring(String channelId) {
        return queued(channelId, channel -> {
            if (channel.role == Channel.Role.STASIS_IN) {
                inbound.ringing(channel);
            }
        });
    }

    /** Stopping the ring indication changes nothing the sim shows. */
    public Future<Void> ringStop(String channelId) {
        return queued(channelId, channel -> { });
    }

    public Future<Void> startMoh(String channelId, String mohClass) {
        String musicClass = mohClass == null || mohClass.isEmpty() ? "default" : mohClass;
        return queued(channelId, channel -> moh.start(channel, musicClass));
    }

    public Future<Void> stopMoh(String channelId) {
        return queued(channelId, moh::stop);
    }

    /** Silence and mute have no effect on what the sim models beyond being accepted in turn. */
    public Future<Void> noMediaEffect(String channelId) {
        return queued(channelId, channel -> { });
    }

    public void sendDtmf(String channelId, String digits, int before, int between, int duration, int after) {
        Channel channel = world.stasisChannel(channelId);
        if (digits == null || digits.isEmpty()) {
            throw AriError.badRequest("DTMF is required");
        }
        dtmf.send(channel, digits, before, between, duration, after);
    }

    /** The channel leaves Stasis; the sim's dialplan has nothing after it, so the channel then hangs up. */
    public void continueInDialplan(String channelId) {
        Channel channel = world.stasisChannel(channelId);
        channel.control.submit(new CommandQueue.Command() {
            @Override
            public void run(CommandQueue queue) {
                stasis.leave(channel);
                hangups.dialplanEnded(channel);
            }

            @Override
            public void abort(boolean wasRunning) {
                // Hung up before its turn, or by its own run: nothing left to continue.
            }
        });
    }

    public JsonObject getVariable(String channelId, String variable) {
        // chan_websocket's channel answers variable reads before it enters Stasis (as captured).
        Channel channel = world.channel(channelId).media != null ? world.channel(channelId) : world.stasisChannel(channelId);
        if (variable == null || variable.isEmpty()) {
            throw AriError.badRequest("Variable name is required");
        }
        String value = ChannelVariables.read(channel, variable);
        if (value == null) {
            throw AriError.notFound("Provided variable was not found");
        }
        return new JsonObject().put("value", value);
    }

    public void setVariable(String channelId, String variable, String value) {
        Channel channel = world.stasisChannel(channelId);
        if (variable == null || variable.isEmpty()) {
            throw AriError.badRequest("Variable name is required");
        }
        channel.variables.put(variable, value == null ? "" : value);
    }

    private Future<Void> queued(String channelId, Consumer<Channel> action) {
        Channel channel = world.stasisChannel(channelId);
        Promise<Void> done = Promise.promise();
        channel.control.submit(new CommandQueue.Command() {
            @Override
            public void run(CommandQueue queue) {
                action.accept(channel);
                queue.done(this);
                done.tryComplete();
            }

            @Override
            public void abort(boolean wasRunning) {
                done.tryFail(AriError.notFound("Channel not found"));
            }
        });
        return done.future();
    }
}
