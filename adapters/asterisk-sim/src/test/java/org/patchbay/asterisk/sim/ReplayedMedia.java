package org.patchbay.asterisk.sim;

import io.vertx.core.json.JsonObject;

import java.util.HashMap;
import java.util.Map;

/**
 * The external media sockets a capture's app opened and closed ({@code media-open}, {@code media-close} lines, named by
 * their {@code media} field), done against the sim: the captured connection id in the URL becomes the one the sim gave
 * the same channel. Frames and texts are not compared; what the sockets cause (StasisStart, hang-ups) is, as events.
 */
final class ReplayedMedia implements AutoCloseable {
    private static final String CONNECTION_ID = "MEDIA_WEBSOCKET_CONNECTION_ID";

    private final Map<String, String> simConnectionIds = new HashMap<>();
    private final Map<String, MediaClient> open = new HashMap<>();
    private int port;

    void port(int simPort) {
        this.port = simPort;
    }

    /** Learns connection ids from an {@code externalMedia} answer: the captured one and the sim's. */
    void learn(Object captured, Object sim) {
        if (captured instanceof JsonObject capturedChannel && sim instanceof JsonObject simChannel
                && capturedChannel.getJsonObject("channelvars") != null && simChannel.getJsonObject("channelvars") != null) {
            String capturedId = capturedChannel.getJsonObject("channelvars").getString(CONNECTION_ID);
            String simId = simChannel.getJsonObject("channelvars").getString(CONNECTION_ID);
            if (capturedId != null && simId != null) {
                simConnectionIds.put(capturedId, simId);
            }
        }
    }

    /** @return a problem, or null */
    String perform(CaptureFile.Line line) {
        String name = line.json().getString("media");
        if ("media-close".equals(line.dir())) {
            MediaClient client = open.remove(name);
            if (client == null) {
                return "media-close of " + name + ", which the replay never opened";
            }
            client.closeNormally();
            return null;
        }
        String url = line.json().getString("url");
        String simId = simConnectionIds.get(url.substring(url.lastIndexOf('/') + 1));
        if (simId == null) {
            return "media-open of " + url + ": no channel of the sim has that connection id";
        }
        open.put(name, MediaClient.open(port, simId, "media"));
        return null;
    }

    @Override
    public void close() {
        open.values().forEach(MediaClient::close);
    }
}
