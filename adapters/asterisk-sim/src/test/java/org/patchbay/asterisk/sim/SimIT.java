package org.patchbay.asterisk.sim;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Each test gets a fresh sim on a free port with the {@code patchbay} app connected, closed after it. */
abstract class SimIT {
    protected SimHarness harness;

    /** Sim time per real time: at 0.02 a 5 s prompt plays in 100 ms. */
    protected double timeScale() {
        return 0.02;
    }

    @BeforeEach
    final void startSim() {
        harness = SimHarness.start(timeScale());
    }

    @AfterEach
    final void stopSim() {
        harness.close();
    }
}
