package org.patchbay.testkit;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real {@code redis-server} run by a test as a child process on a loopback port, with no
 * persistence, so tests never touch the machine's own Redis.
 *
 * <p>Starting and stopping block the calling thread (they wait for the process), so call them
 * from test setup, never from an event loop. One server per test class is the usual sharing:
 * <pre>{@code
 * @RegisterExtension static final SharedRedis REDIS = new SharedRedis();   // REDIS.url()
 * }</pre>
 * (a test that restarts or suspends Redis starts its own with {@link #start()}).
 * To simulate a Redis restart, {@link #close()} the server and {@link #start(int)} a new one on
 * the same {@link #port()}; to simulate a hung Redis, {@link #suspend()} it.
 */
public final class RedisServer implements AutoCloseable {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
    private static final int START_ATTEMPTS = 3;

    private final int port;
    private final Process process;
    private final Path log;
    private final Thread killOnExit;
    private volatile boolean suspended;

    private RedisServer(int port, Process process, Path log) {
        this.port = port;
        this.process = process;
        this.log = log;
        this.killOnExit = new Thread(process::destroyForcibly, "redis-server-" + port + "-reaper");
        // A test run that crashes or is interrupted must not leave a redis-server behind.
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /** Starts a server on a free loopback port and waits until it answers PING. */
    public static RedisServer start() {
        IllegalStateException lastFailure = null;
        // The free port is found by binding and releasing it, so another process can take it in
        // between; a fresh port on the next attempt makes that race harmless.
        for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
            try {
                return start(freePort());
            } catch (IllegalStateException e) {
                lastFailure = e;
            }
        }
        throw lastFailure;
    }

    /** Starts a server on the given loopback port and waits until it answers PING. */
    public static RedisServer start(int port) {
        Path log = tempLog(port);
        Process process = launch(port, log);
        RedisServer server = new RedisServer(port, process, log);
        try {
            server.awaitReady();
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    public int port() {
        return port;
    }

    /** The connection string clients use: {@code redis://127.0.0.1:<port>}. */
    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /**
     * Freezes the process (SIGSTOP): connections stay open and commands are accepted, but nothing
     * answers until {@link #resume()}.
     */
    public void suspend() {
        signal("STOP");
        suspended = true;
    }

    public void resume() {
        signal("CONT");
        suspended = false;
    }

    /** Stops the server (TERM, then KILL if it lingers) and waits for the process to end. */
    @Override
    public void close() {
        if (suspended && process.isAlive()) {
            resume();
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        forgetShutdownHook();
        deleteLog();
    }

    private static Process launch(int port, Path log) {
        List<String> command = List.of(binary(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no");
        try {
            return new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", command), e);
        }
    }

    private void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
            if (!kill.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("cannot send SIG" + name + " to redis-server " + process.pid());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run kill", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signalling redis-server", e);
        }
    }

    private static String binary() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.concat(Stream.of(path.split(File.pathSeparator)), Stream.of("/usr/bin", "/usr/local/bin"))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, "redis-server"))
                .filter(Files::isExecutable)
                .findFirst()
                .map(Path::toString)
                .orElseThrow(() -> new IllegalStateException(
                        "redis-server not found on PATH or in /usr/bin; install it (e.g. apt-get install redis-server) to run these tests"));
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server on port " + port + " exited: " + logText());
            }
            if (answersPing()) {
                return;
            }
            pause(Duration.ofMillis(20));
        }
        throw new IllegalStateException("redis-server on port " + port + " did not answer PING within "
                + READY_TIMEOUT.toSeconds() + "s: " + logText());
    }

    private boolean answersPing() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            socket.setSoTimeout(500);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = in.readNBytes(7);
            return new String(reply, StandardCharsets.US_ASCII).equals("+PONG\r\n");
        } catch (IOException notYet) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    private static Path tempLog(int port) {
        try {
            return Files.createTempFile("redis-server-" + port + "-", ".log");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a log file for redis-server", e);
        }
    }

    private String logText() {
        try {
            return Files.readString(log).strip();
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    private void forgetShutdownHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already exiting and runs the hook itself.
        }
    }

    private void deleteLog() {
        try {
            Files.deleteIfExists(log);
        } catch (IOException ignored) {
            // A leftover log in the temp directory is harmless.
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for redis-server", e);
        }
    }
}
