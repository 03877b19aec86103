package org.patchbay.server.limits;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A client that sends a request's headers and the first byte of its body, then holds it open (a
 * slow upload) until told to finish it or to go away. Plain blocking sockets on the test thread.
 */
final class HeldRequest implements AutoCloseable {
    private final Socket socket;
    private final PushbackInputStream in;
    private final OutputStream out;
    private final byte[] body;

    record Answer(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private HeldRequest(Socket socket, byte[] body) throws IOException {
        this.socket = socket;
        this.in = new PushbackInputStream(socket.getInputStream(), 1);
        this.out = socket.getOutputStream();
        this.body = body;
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Opens a POST of a form {@code body} and sends all of it but the last byte. */
    static HeldRequest open(int port, String path, String authorization, String form) {
        try {
            Socket socket = new Socket();
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
            byte[] body = form.getBytes(StandardCharsets.UTF_8);
            HeldRequest request = new HeldRequest(socket, body);
            String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: " + authorization
                    + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length + "\r\n\r\n";
            request.out.write(head.getBytes(StandardCharsets.US_ASCII));
            request.out.write(body, 0, body.length - 1);
            request.out.flush();
            return request;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends the last byte: the request is complete and gets its answer. */
    void finish() {
        try {
            out.write(body, body.length - 1, 1);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The answer if one arrives within {@code wait}, else null (the request is still being served). */
    Answer answer(Duration wait) {
        try {
            socket.setSoTimeout((int) Math.max(1, wait.toMillis()));
            int first;
            try {
                first = in.read();
            } catch (SocketTimeoutException notYet) {
                return null;
            }
            if (first < 0) {
                throw new IOException("connection closed without an answer");
            }
            in.unread(first);
            socket.setSoTimeout(5_000);
            return readAnswer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Answer readAnswer() throws IOException {
        String head = readHead();
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        return new Answer(status, headers, new String(in.readNBytes(length), StandardCharsets.UTF_8));
    }

    private String readHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed in the middle of an answer");
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }
}
