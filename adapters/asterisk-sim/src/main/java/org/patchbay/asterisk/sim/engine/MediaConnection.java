package org.patchbay.asterisk.sim.engine;

/**
 * One external media channel's WebSocket ({@code /media/<connection id>}) as chan_websocket runs it: MEDIA_START
 * on connect, the app's commands, the 20 ms playout of the app's audio into the bridge, Asterisk's frames and
 * DTMF_END to the app. Media runs in real time whatever the sim's time scale: apps pace audio by the wall clock.
 */
public final class MediaConnection implements MediaPlayout.Listener {
    private static final long TICK_MILLIS = 20;

    /** What the connection asks of the rest of the sim. */
    interface Owner {
        void answer(Channel channel);

        void appHungUp(Channel channel);

        void socketClosed(Channel channel);

        void ended(String connectionId);
    }

    /**
     * How the app asked for the channel: answered when the socket opens, JSON control messages, the audio format,
     * and the media direction ({@code both}, {@code in}: Asterisk's frames only, {@code out}: the app's only).
     */
    record Setup(boolean answerOnConnect, boolean json, MediaFormat format, String direction) {
    }

    private final World world;
    private final Channel channel;
    private final String connectionId;
    private final boolean answerOnConnect;
    private final MediaFormat format;
    private final MediaMessages messages;
    private final MediaPlayout playout = new MediaPlayout(this);
    private final Owner owner;
    private MediaSink sink;
    private long ticker = -1;
    private boolean toApp;
    private boolean fromApp;
    private boolean ended;

    MediaConnection(World world, Channel channel, String connectionId, Setup setup, Owner owner) {
        this.world = world;
        this.channel = channel;
        this.connectionId = connectionId;
        this.answerOnConnect = setup.answerOnConnect();
        this.format = setup.format();
        this.messages = new MediaMessages(setup.json(), channel.id, setup.format());
        this.owner = owner;
        this.toApp = !"out".equals(setup.direction());
        this.fromApp = !"in".equals(setup.direction());
    }

    public boolean connected() {
        return sink != null;
    }

    public void attach(MediaSink opened) {
        sink = opened;
        opened.sendText(messages.mediaStart(connectionId, channel.name, channel.variables));
        ticker = world.context.owner().setPeriodic(TICK_MILLIS, id -> playout.tick());
        if (answerOnConnect) {
            owner.answer(channel);
        }
    }

    public void binary(byte[] bytes) {
        if (!ended && fromApp) {
            playout.audio(format.fromApp(bytes));
        }
    }

    public void text(String text) {
        if (ended) {
            return;
        }
        MediaCommand command = MediaCommand.parse(text, messages.json());
        if (command.name() == null) {
            send(messages.error("Unable to parse JSON command"));
            return;
        }
        switch (command.name()) {
            case "ANSWER" -> owner.answer(channel);
            case "HANGUP" -> owner.appHungUp(channel);
            case "MARK_MEDIA" -> playout.mark(command.argument());
            case "FLUSH_MEDIA" -> playout.flush();
            case "START_MEDIA_BUFFERING" -> playout.startBuffering();
            case "STOP_MEDIA_BUFFERING" -> playout.stopBuffering(command.argument());
            case "REPORT_QUEUE_DRAINED" -> playout.reportWhenDrained();
            case "PAUSE_MEDIA" -> playout.pause(true);
            case "CONTINUE_MEDIA" -> playout.pause(false);
            case "GET_STATUS" -> send(messages.status(playout.queuedFrames(), playout.full(),
                    playout.bulkBuffering(), playout.paused()));
            case "SET_MEDIA_DIRECTION" -> direction(command.direction());
            default -> {
                // Asterisk ignores commands it does not know, without a reply.
            }
        }
    }

    /** The app's side of the socket went (a close frame or a dropped connection). */
    public void socketClosed() {
        if (ended) {
            return;
        }
        stopTicking();
        sink = null;
        owner.socketClosed(channel);
    }

    /** Audio the bridge sends to this channel: a frame to the app, unless the app turned that direction off. */
    void fromBridge(byte[] frame) {
        if (sink != null && toApp && !sink.writeQueueFull()) {
            sink.sendBinary(format.toApp(frame));
        }
    }

    void dtmf(char digit) {
        send(messages.dtmfEnd(digit));
    }

    /** The channel is destroyed: the socket gets a close frame 1000, with no text before it. */
    void channelDestroyed() {
        ended = true;
        stopTicking();
        owner.ended(connectionId);
        if (sink != null) {
            MediaSink closing = sink;
            sink = null;
            closing.close((short) 1000);
        }
    }

    @Override
    public void play(byte[] frame) {
        if (channel.alive()) {
            world.audio.fromChannel(channel, frame);
        }
    }

    @Override
    public void markProcessed(String correlationId) {
        send(messages.markProcessed(correlationId));
    }

    @Override
    public void bufferingCompleted(String correlationId) {
        send(messages.bufferingCompleted(correlationId));
    }

    @Override
    public void queueDrained() {
        send(messages.bare("QUEUE_DRAINED"));
    }

    @Override
    public void xoff() {
        send(messages.bare("MEDIA_XOFF"));
    }

    @Override
    public void xon() {
        send(messages.bare("MEDIA_XON"));
    }

    private void direction(String direction) {
        if (!messages.json()) {
            send(messages.error("SET_MEDIA_DIRECTION only supports JSON format.\n"));
            return;
        }
        switch (direction == null ? "" : direction) {
            case "both" -> setDirections(true, true);
            case "out" -> setDirections(false, true);
            case "in" -> setDirections(true, false);
            default -> send(messages.error("'" + direction + "' is not a valid direction for SET_MEDIA_DIRECTION.\n"));
        }
    }

    /** As captured, {@code out} stops Asterisk's frames to the app; {@code in} is taken to stop the app's audio. */
    private void setDirections(boolean toAppOn, boolean fromAppOn) {
        toApp = toAppOn;
        fromApp = fromAppOn;
    }

    private void send(String text) {
        if (sink != null) {
            sink.sendText(text);
        }
    }

    private void stopTicking() {
        if (ticker >= 0) {
            world.context.owner().cancelTimer(ticker);
            ticker = -1;
        }
    }
}
