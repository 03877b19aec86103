package org.patchbay.asterisk.sim;

import io.vertx.core.Vertx;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs the simulated Asterisk as its own process, so benchmarks can measure Patchbay's CPU apart from it:
 * {@code java ... SimMain --port 8088 --user ari --password ari --app patchbay --time-scale 1.0}.
 * Prints {@code asterisk-sim listening on <port>} once ready.
 */
public final class SimMain {
    private SimMain() {
    }

    public static void main(String[] args) throws Exception {
        SimOptions options = parse(args);
        Vertx vertx = Vertx.vertx();
        SimulatedAsterisk sim = new SimulatedAsterisk(options);
        int port = sim.start(vertx).await(30, TimeUnit.SECONDS);
        System.out.println("asterisk-sim listening on " + port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                sim.stop().await(5, TimeUnit.SECONDS);
                vertx.close().await(5, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // The process is going away either way.
            } finally {
                stopped.countDown();
            }
        }));
        stopped.await();
    }

    static SimOptions parse(String[] args) {
        SimOptions options = SimOptions.defaults().withPort(8088);
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + name);
            }
            String value = args[++i];
            options = switch (name) {
                case "--host" -> options.withHost(value);
                case "--port" -> options.withPort(Integer.parseInt(value));
                case "--user" -> options.withCredentials(value, options.password());
                case "--password" -> options.withCredentials(options.user(), value);
                case "--app" -> options.withStasisApp(value);
                case "--time-scale" -> options.withTimeScale(Double.parseDouble(value));
                case "--ring-ms" -> options.withDefaultRingMs(Integer.parseInt(value));
                case "--heard-calls-kept" -> options.withHeardCallsKept(Integer.parseInt(value));
                default -> throw new IllegalArgumentException("unknown option " + name
                        + " (known: --host --port --user --password --app --time-scale --ring-ms --heard-calls-kept)");
            };
        }
        return options;
    }
}
