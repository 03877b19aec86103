package org.patchbay.adapters.ari;

import ch.loway.oss.ari4java.generated.models.Channel;
import io.vertx.core.Future;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import org.patchbay.core.telephony.MediaLink;
import org.patchbay.core.telephony.TelephonyException;

import java.net.URI;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code POST /channels/externalMedia} with chan_websocket in server mode (transport websocket, encapsulation none,
 * µ-law), then the media socket at {@code ws(s)://<ARI host:port>/media/<MEDIA_WEBSOCKET_CONNECTION_ID>} with
 * subprotocol {@code media}, which makes Asterisk answer the channel and put it into the app. If the socket cannot
 * be opened the channel is hung up, so nothing is left behind.
 */
final class AriExternalMedia {
    private static final String CONNECTION_ID = "MEDIA_WEBSOCKET_CONNECTION_ID";
    /** Frames are 160 bytes; commands are short. */
    private static final int MAX_MESSAGE_BYTES = 1 << 20;
    /** Every stream has its own media socket to the one Asterisk; Vert.x's default of 50 per host would fail the 51st. */
    private static final int MAX_SOCKETS = 65_536;

    private final AriSettings settings;
    /** Held for the adapter's life: Vert.x closes clients that become unreachable. */
    private final WebSocketClient client;

    AriExternalMedia(AriConnection connection) {
        this.settings = connection.settings();
        this.client = connection.vertx().createWebSocketClient(new WebSocketClientOptions()
                .setMaxMessageSize(MAX_MESSAGE_BYTES).setConnectTimeout(5000).setMaxConnections(MAX_SOCKETS));
    }

    /** @param create sends the create request; {@code hangup} hangs the channel up again on failure */
    Future<MediaLink> open(String channelId, Function<String, Future<Channel>> create,
                           Function<String, Future<String>> variable, Function<String, Future<Void>> hangup) {
        return create.apply(channelId).compose(channel -> {
            String fromSnapshot = connectionId(channel);
            Future<String> connectionId = fromSnapshot != null ? Future.succeededFuture(fromSnapshot)
                    : variable.apply(CONNECTION_ID);
            return connectionId.compose(id -> connect(channelId, id)).onFailure(failed -> hangup.apply(channelId));
        });
    }

    private Future<MediaLink> connect(String channelId, String connectionId) {
        return client.connect(new WebSocketConnectOptions().setAbsoluteURI(mediaUri(connectionId)).addSubProtocol("media"))
                .<MediaLink>map(socket -> new AriMediaLink(channelId, socket))
                .recover(failed -> Future.failedFuture(new TelephonyException(502,
                        "the media WebSocket of " + channelId + " could not be opened: " + failed.getMessage())));
    }

    String mediaUri(String connectionId) {
        URI base = settings.url();
        String scheme = settings.secure() ? "wss" : "ws";
        int port = base.getPort() > 0 ? base.getPort() : (settings.secure() ? 443 : 80);
        return scheme + "://" + base.getHost() + ":" + port + "/media/" + connectionId;
    }

    /** From the create's {@code channelvars}; null when this ARI model version has none (then the variable is read). */
    private static String connectionId(Channel channel) {
        Object variables;
        try {
            variables = channel.getChannelvars();
        } catch (UnsupportedOperationException olderModel) {
            return null;
        }
        if (variables instanceof Map<?, ?> map && map.get(CONNECTION_ID) != null) {
            return String.valueOf(map.get(CONNECTION_ID));
        }
        return null;
    }
}
