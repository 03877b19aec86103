package org.patchbay.asterisk.sim;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The app's end of an external media WebSocket, on the JDK's client (Vert.x 5.0.7's client misreports sockets
 * a server closes right after the handshake): collects text messages, binary frames and the close code.
 */
final class MediaClient implements WebSocket.Listener, AutoCloseable {
    private final List<String> texts = new ArrayList<>();
    private final List<byte[]> frames = new ArrayList<>();
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private StringBuilder partialText = new StringBuilder();
    private WebSocket socket;

    /** Opens {@code ws://127.0.0.1:port/media/id}; returns the HTTP status of a refused upgrade as a failure message. */
    static MediaClient open(int port, String connectionId, String subprotocol) {
        MediaClient client = new MediaClient();
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
        if (subprotocol != null) {
            builder.subprotocols(subprotocol);
        }
        try {
            client.socket = builder.buildAsync(URI.create("ws://127.0.0.1:" + port + "/media/" + connectionId), client)
                    .get(10, TimeUnit.SECONDS);
            return client;
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof WebSocketHandshakeException refused) {
                throw new Refused(refused.getResponse().statusCode(), String.valueOf(refused.getResponse().body()));
            }
            throw new AssertionError(failed);
        } catch (Exception failed) {
            throw new AssertionError(failed);
        }
    }

    static final class Refused extends RuntimeException {
        final int status;

        Refused(int status, String body) {
            super(status + " " + body);
            this.status = status;
        }
    }

    String subprotocol() {
        return socket.getSubprotocol();
    }

    void sendText(String text) {
        socket.sendText(text, true).join();
    }

    void sendBinary(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
    }

    void closeNormally() {
        socket.sendClose(1000, "app done").join();
    }

    synchronized List<String> texts() {
        return List.copyOf(texts);
    }

    synchronized List<byte[]> frames() {
        return List.copyOf(frames);
    }

    /** Waits for a text message starting with {@code prefix}. */
    String awaitText(String prefix) {
        SimHarness.awaitCondition("a media message " + prefix + " (got " + texts() + ")",
                () -> texts().stream().anyMatch(text -> text.startsWith(prefix)));
        return texts().stream().filter(text -> text.startsWith(prefix)).findFirst().orElseThrow();
    }

    int awaitClose() {
        try {
            return closeCode.get(10, TimeUnit.SECONDS);
        } catch (Exception timeout) {
            throw new AssertionError("the media socket did not close", timeout);
        }
    }

    boolean closed() {
        return closeCode.isDone();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        synchronized (this) {
            partialText.append(data);
            if (last) {
                texts.add(partialText.toString());
                partialText = new StringBuilder();
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        synchronized (this) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            partial.writeBytes(bytes);
            if (last) {
                frames.add(partial.toByteArray());
                partial.reset();
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeCode.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closeCode.complete(-1);
    }

    @Override
    public void close() {
        if (!closeCode.isDone() && socket != null) {
            socket.abort();
        }
    }
}
