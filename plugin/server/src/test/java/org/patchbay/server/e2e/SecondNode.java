package org.patchbay.server.e2e;

import io.vertx.core.Vertx;
import org.patchbay.asterisk.sim.SimOptions;
import org.patchbay.asterisk.sim.SimulatedAsterisk;
import org.patchbay.server.Patchbay;
import org.patchbay.server.config.ConfigLoader;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A second Patchbay node beside its own simulated Asterisk, on a Vert.x of its own, sharing the first
 * node's settings ({@code shared}: Redis, prefix, account) as a cluster node would.
 */
public final class SecondNode implements AutoCloseable {
    public final Vertx vertx;
    public final SimulatedAsterisk asterisk;
    public final Patchbay patchbay;

    private SecondNode(Vertx vertx, SimulatedAsterisk asterisk, Patchbay patchbay) {
        this.vertx = vertx;
        this.asterisk = asterisk;
        this.patchbay = patchbay;
    }

    public static SecondNode start(Map<String, String> shared, Path dataDir) {
        Vertx vertx = Vertx.vertx();
        SimulatedAsterisk asterisk = new SimulatedAsterisk(SimOptions.defaults().withTimeScale(Harness.TIME_SCALE)
                .withCredentials("patchbay", "b"));
        Harness.await(asterisk.start(vertx));
        Map<String, String> env = new HashMap<>(shared);
        env.putAll(Map.of("PATCHBAY_HTTP_PORT", "0", "PATCHBAY_ARI_URL", asterisk.baseUrl(), "PATCHBAY_ARI_USER", "patchbay",
                "PATCHBAY_ARI_PASSWORD", "b", "PATCHBAY_DATA_DIR", dataDir.toString(), "PATCHBAY_EVENT_LOOPS", "2"));
        return new SecondNode(vertx, asterisk, Harness.await(Patchbay.start(vertx, ConfigLoader.load(env))));
    }

    @Override
    public void close() {
        try {
            Harness.await(patchbay.stop());
        } finally {
            Harness.await(asterisk.stop());
            Harness.await(vertx.close());
        }
    }
}
