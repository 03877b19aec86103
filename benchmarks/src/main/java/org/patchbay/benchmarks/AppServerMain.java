package org.patchbay.benchmarks;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

import java.util.concurrent.TimeUnit;

/**
 * Runs {@link AppServer} as its own process, so its CPU is counted apart from Patchbay's:
 * {@code java -cp patchbay-benchmarks.jar org.patchbay.benchmarks.AppServerMain --port 8099 --say "..." --hold-seconds 600}.
 * Prints {@code app-server listening on <port>} once ready; runs until killed.
 */
public final class AppServerMain {
    private AppServerMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = 0;
        String say = "Thank you for calling. Goodbye.";
        int holdSeconds = 600;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--say" -> say = args[i + 1];
                case "--hold-seconds" -> holdSeconds = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (known: --port --say --hold-seconds)");
            }
        }
        // One event loop serves every request; a second would only add threads to a 2-core machine.
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        int actual = new AppServer(say, holdSeconds).listen(vertx, port).await(30, TimeUnit.SECONDS).actualPort();
        System.out.println("app-server listening on " + actual);
    }
}
