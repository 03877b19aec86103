package org.patchbay.server;

import io.vertx.core.Vertx;
import org.patchbay.server.config.ConfigException;
import org.patchbay.server.config.ConfigLoader;
import org.patchbay.server.config.PatchbayConfig;
import org.patchbay.server.metrics.Meters;
import org.patchbay.server.simulate.SimulateCommand;

import java.util.Arrays;

/**
 * {@code java -jar patchbay.jar}: reads the configuration, starts Patchbay, prints how to reach it.
 * {@code java -jar patchbay.jar simulate ...} places one simulated call instead (see {@link SimulateCommand}).
 * A bad setting or a failed start prints one line and exits non-zero.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.setProperty("vertx.logger-delegate-factory-class-name", "io.vertx.core.logging.SLF4JLogDelegateFactory");
        if (args.length > 0 && args[0].equals("simulate")) {
            System.exit(SimulateCommand.run(Arrays.asList(args).subList(1, args.length), System.getenv(), System.out, System.err));
            return;
        }
        PatchbayConfig config;
        try {
            config = ConfigLoader.load(System.getenv());
        } catch (ConfigException e) {
            System.err.println("patchbay: configuration error: " + e.getMessage());
            System.exit(2);
            return;
        }
        Vertx vertx = Meters.meteredVertx();
        Patchbay.start(vertx, config).onSuccess(patchbay -> {
            System.out.println(Banner.of(patchbay));
            // SIGTERM runs this hook: drain, stop, then exit 0. The JVM would report 143 for a SIGTERM; a drained
            // node stopped as asked, so the hook ends the process itself with halt(0) (exit would wait for this hook).
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                patchbay.drain().transform(v -> patchbay.stop()).transform(v -> vertx.close()).await();
                System.out.flush();
                Runtime.getRuntime().halt(0);
            }, "patchbay-shutdown"));
        }).onFailure(failure -> {
            System.err.println("patchbay: cannot start: " + failure.getMessage());
            vertx.close();
            System.exit(1);
        });
    }
}
