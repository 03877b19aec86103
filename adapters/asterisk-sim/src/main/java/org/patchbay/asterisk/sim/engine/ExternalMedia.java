package org.patchbay.asterisk.sim.engine;

import io.vertx.core.json.JsonObject;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code POST /channels/externalMedia} with the websocket transport in server mode, as Asterisk 22.10.1's
 * chan_websocket does it: a {@code WebSocket/INCOMING/0x…} channel, Down, whose connection id the app finds in
 * {@code channelvars}; the app then connects to {@code /media/<connection id>}, which answers the channel and
 * puts it into the app (unless {@code transport_data} has the {@code n} option: then only the app's
 * {@code ANSWER} does). It carries {@code ulaw} or {@code slin16}, in {@code direction} both, in (to the app only) or
 * out (from the app only). Other transports (RTP over UDP, AudioSocket) are not modelled.
 */
public final class ExternalMedia implements MediaConnection.Owner {
    private static final String CONNECTION_ID = "MEDIA_WEBSOCKET_CONNECTION_ID";
    private static final String FRAME_SIZE = "MEDIA_WEBSOCKET_OPTIMAL_FRAME_SIZE";
    /** The {@code tech_cause} of the hang-up events, as external-media-websocket.jsonl has them. */
    private static final int CLOSED_BY_HANGUP = 1000;
    private static final int CLOSED_BY_APP = 1001;
    /** chan_websocket's media directions: {@code in} only to the app, {@code out} only from it. */
    private static final List<String> DIRECTIONS = List.of("both", "in", "out");
    /** Formats Asterisk knows (it accepts them) that the sim does not carry; any other name is Asterisk's 500. */
    private static final List<String> ASTERISK_FORMATS = List.of("alaw", "slin", "slin12", "slin24", "slin32",
            "slin44", "slin48", "slin96", "slin192", "g722", "gsm", "g729", "opus", "ilbc", "speex", "g726", "adpcm");

    private final World world;
    private final Stasis stasis;
    private final Hangups hangups;
    private final Map<String, MediaConnection> byConnectionId = new HashMap<>();
    private long nameCounter = 0x7f19300b6ce0L;

    ExternalMedia(World world, Stasis stasis, Hangups hangups) {
        this.world = world;
        this.stasis = stasis;
        this.hangups = hangups;
    }

    /** What the app asked for; null strings mean the parameter was absent. */
    public record Request(String app, String channelId, String externalHost, String encapsulation, String transport,
                          String connectionType, String format, String direction, String transportData,
                          Map<String, String> variables) {
    }

    public JsonObject create(Request request) {
        if (request.app() == null || request.app().isEmpty()) {
            throw AriError.badRequest("app cannot be empty");
        }
        if (request.format() == null || request.format().isEmpty()) {
            throw AriError.badRequest("format cannot be empty");
        }
        String transport = orDefault(request.transport(), "udp");
        String encapsulation = orDefault(request.encapsulation(), "rtp");
        boolean server = "server".equals(orDefault(request.connectionType(), "client"));
        if (!"websocket".equals(transport) || !"none".equals(encapsulation)) {
            throw AriError.of(501, "The encapsulation and/or transport is not supported by the simulated Asterisk");
        }
        if (!server) {
            throw AriError.of(501, "websocket client connections are not supported by the simulated Asterisk");
        }
        String direction = orDefault(request.direction(), "both");
        if (!DIRECTIONS.contains(direction)) {
            throw AriError.badRequest("Invalid direction specified");
        }
        MediaFormat format = MediaFormat.named(request.format());
        if (format == null && ASTERISK_FORMATS.contains(request.format())) {
            throw AriError.of(501, "format " + request.format() + " is not carried by the simulated Asterisk");
        }
        if (format == null) {
            throw AriError.of(500, "An internal error prevented this request from being handled");
        }
        String id = request.channelId() == null || request.channelId().isEmpty()
                ? world.ids.nextUniqueId() : request.channelId();
        if (world.channels.containsKey(id)) {
            throw AriError.conflict("Channel with given unique ID already exists");
        }
        String options = orDefault(request.transportData(), "");
        boolean json = options.contains("f(json)");
        boolean answerOnConnect = !options.replace("f(json)", "").contains("n");
        Channel channel = new Channel(id, "WebSocket/INCOMING/0x" + Long.toHexString(nameCounter), Channel.Role.DIRECT,
                "Down", CallerId.EMPTY, Dialplan.at("default", "s").running("AppDial2", "(Outgoing Line)"),
                world.clock.timestamp());
        nameCounter += 0x40;
        channel.originated = true;
        channel.variables.putAll(request.variables());
        String connectionId = UUID.randomUUID().toString();
        channel.variables.put(CONNECTION_ID, connectionId);
        channel.variables.put(FRAME_SIZE, String.valueOf(format.frameBytes));
        channel.subscribe(request.app(), true);
        channel.stasisArgs = List.of();
        channel.endpoint = null;
        channel.dial = OutboundDial.toApp(dialstring(request), request.app(), List.of());
        channel.media = new MediaConnection(world, channel, connectionId,
                new MediaConnection.Setup(answerOnConnect, json, format, direction), this);
        channel.mediaApp = request.app();
        world.channels.put(id, channel);
        byConnectionId.put(connectionId, channel.media);
        JsonObject snapshot = channel.toJson().put("channelvars", new JsonObject()
                .put(CONNECTION_ID, connectionId).put(FRAME_SIZE, String.valueOf(format.frameBytes)));
        world.defer(() -> {
            if (channel.alive()) {
                world.emit(channel, world.events.dial(channel, "", channel.dial.dialstring));
            }
        });
        return snapshot;
    }

    /** The connection an app may open at {@code /media/<id>}, or null (404) when there is none. */
    public MediaConnection connection(String connectionId) {
        return byConnectionId.get(connectionId);
    }

    @Override
    public void ended(String connectionId) {
        byConnectionId.remove(connectionId);
    }

    @Override
    public void answer(Channel channel) {
        if (!channel.alive() || "Up".equals(channel.state)) {
            return;
        }
        OutboundDial dial = channel.dial;
        channel.dial = null;
        channel.state = "Up";
        world.emit(channel, world.events.channel("ChannelStateChange", channel));
        world.emit(channel, world.events.dial(channel, "ANSWER", dial.dialstring));
        if (!stasis.enter(channel, channel.mediaApp, List.of())) {
            hangups.byFarEnd(channel, Causes.NORMAL);
        }
    }

    /** The text {@code HANGUP}: a hang-up request with cause 16, the channel destroyed with cause 0. */
    @Override
    public void appHungUp(Channel channel) {
        channel.techCause = CLOSED_BY_HANGUP;
        hangups.hangUp(channel, Causes.NORMAL, false, Causes.UNKNOWN);
    }

    /** The app closed the socket: the channel hangs up as if its far end had (cause 16, not soft). */
    @Override
    public void socketClosed(Channel channel) {
        channel.techCause = CLOSED_BY_APP;
        hangups.byFarEnd(channel, Causes.NORMAL);
    }

    /**
     * What Asterisk dials: {@code INCOMING}, then {@code /} and the transport data, then {@code d(<direction>)} when
     * a direction was given ({@code INCOMING/d(in)}); a channel hung up before its socket opened reports it NOANSWER.
     */
    private static String dialstring(Request request) {
        String data = orDefault(request.transportData(), "");
        String direction = request.direction() == null || request.direction().isEmpty() ? ""
                : "d(" + request.direction() + ")";
        return "INCOMING" + (data.isEmpty() && direction.isEmpty() ? "" : "/") + data + direction;
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }
}
