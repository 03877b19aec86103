package org.patchbay.asterisk.sim.engine;

import io.vertx.core.json.JsonObject;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A simulated channel: its ARI-visible snapshot plus what the sim needs to drive it. */
final class Channel {

    /** How the channel came to be; decides who its far end is and how a hang-up propagates. */
    enum Role {
        /** The {@code ;1} half of an inbound call: the caller's side. */
        CALLER_LEG,
        /** The {@code ;2} half of an inbound call, which the dialplan put into the Stasis app. */
        STASIS_IN,
        /** The {@code ;1} half of a Local channel the app originated or created. */
        LOCAL_OUT,
        /** The {@code ;2} half of such a Local channel, running the far end's dialplan. */
        LOCAL_FAR,
        /** A channel of any other technology (PJSIP, SIP, IAX2, ...). */
        DIRECT
    }

    final String id;
    final String name;
    final Role role;
    final String creationtime;
    final Map<String, String> variables = new HashMap<>();
    /** Apps subscribed to this channel; {@code true} when explicit (originate), {@code false} when only while in Stasis. */
    final Map<String, Boolean> subscribers = new LinkedHashMap<>(2);
    final CommandQueue control = new CommandQueue();
    final AudioFeed incoming = new AudioFeed();
    private final Set<Long> timers = new HashSet<>(4);

    String state;
    CallerId caller;
    CallerId connected;
    Dialplan dialplan;
    Channel partner;
    /** What was originated or created; {@code /dial} dials it. */
    Endpoint endpoint;
    String stasisApp;
    List<String> stasisArgs;
    boolean wasInStasis;
    /** Created by an originate (ARI or an inbound call), as opposed to {@code /channels/create}. */
    boolean originated;
    Bridge bridge;
    OutboundDial dial;
    HeardLog heard;
    LiveRecording recording;
    /** For a snoop channel ({@code /channels/{id}/snoop}): the channel it listens to; null otherwise. */
    Channel snooped;
    /** For a snoop channel: which of its target's audio it hears ({@code in}, {@code out}, {@code both}, {@code none}). */
    String spy;
    /** Snoop channels listening to this one; they hang up with it. */
    final java.util.List<Channel> snoops = new java.util.ArrayList<>(1);
    /** For an external media channel: its WebSocket and the app it enters once connected; null otherwise. */
    MediaConnection media;
    String mediaApp;
    /** Simulated time until which the far end is still busy pressing earlier digits. */
    long farDtmfBusyUntil;
    HeardLog.Item mohHeard;
    boolean mohOn;
    boolean speaking;
    long speechTimer = -1;
    boolean hangingUp;
    boolean destroyed;
    int hangupCause = 16;
    /**
     * The technology's own cause, reported as {@code tech_cause} in the hang-up events: for a chan_websocket channel
     * the socket's close code (1001 when the app closed it, 1000 after its HANGUP command); null for none.
     */
    Integer techCause;
    /** A dialplan step the far end has reached but that Asterisk only reports with its next event. */
    Runnable pendingDialplanStep;
    /** A connected-line update for the bridge peer that waits until this (still Down) channel is dialed. */
    Runnable pendingPeerUpdate;

    Channel(String id, String name, Role role, String state, CallerId callerId, Dialplan dialplan, String creationtime) {
        this.id = id;
        this.name = name;
        this.role = role;
        this.state = state;
        this.caller = callerId;
        this.connected = callerId;
        this.dialplan = dialplan;
        this.creationtime = creationtime;
    }

    boolean inStasis() {
        return stasisApp != null;
    }

    /** An originate answered into a dialplan that puts it into Stasis itself (answering-machine detection). */
    boolean enteredStasisFromDialplan;

    /**
     * Local {@code ;2} halves and channels the dialplan put into Stasis run dialplan; when hung up they report a
     * second, soft hang-up request.
     */
    boolean runsDialplan() {
        return role == Role.STASIS_IN || role == Role.LOCAL_FAR || enteredStasisFromDialplan;
    }

    boolean isLocal() {
        return role != Role.DIRECT;
    }

    void subscribe(String app, boolean explicit) {
        subscribers.merge(app, explicit, Boolean::logicalOr);
    }

    boolean alive() {
        return !hangingUp && !destroyed;
    }

    void addTimer(long timerId) {
        timers.add(timerId);
    }

    void forgetTimer(long timerId) {
        timers.remove(timerId);
    }

    Set<Long> timers() {
        return timers;
    }

    JsonObject toJson() {
        return new JsonObject()
                .put("id", id)
                .put("name", name)
                .put("state", state)
                .put("protocol_id", "")
                .put("caller", caller.toJson())
                .put("connected", connected.toJson())
                .put("accountcode", "")
                .put("dialplan", dialplan.toJson())
                .put("creationtime", creationtime)
                .put("language", "en");
    }
}
