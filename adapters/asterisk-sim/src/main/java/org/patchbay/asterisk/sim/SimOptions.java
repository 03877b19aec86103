package org.patchbay.asterisk.sim;

/**
 * How a {@link SimulatedAsterisk} is set up.
 *
 * @param host              interface to listen on
 * @param port              port to listen on; 0 picks a free one
 * @param user              ARI user
 * @param password          ARI password
 * @param stasisApp         the app that {@code Local/EXT@stasis-in} channels enter ({@code Stasis(app,EXT)})
 * @param timeScale         real time per simulated time: 1.0 is real time, 0.02 runs 50 times as fast
 * @param asteriskVersion   reported by {@code GET /asterisk/info}
 * @param entityId          the {@code asterisk_id} of events and {@code entity_id} of {@code /asterisk/info}
 * @param defaultRingMs     how long endpoints without an originate rule ring before answering (simulated ms)
 * @param heardCallsKept    how many calls' "heard" logs, and how many channels' Stasis timings, are kept
 * @param requestLogSize    how many ARI requests the request log keeps
 */
public record SimOptions(String host, int port, String user, String password, String stasisApp, double timeScale,
                         String asteriskVersion, String entityId, int defaultRingMs, int heardCallsKept,
                         int requestLogSize) {

    public SimOptions {
        if (timeScale <= 0) {
            throw new IllegalArgumentException("timeScale must be positive");
        }
    }

    public static SimOptions defaults() {
        return new SimOptions("127.0.0.1", 0, "ari", "ari", "patchbay", 1.0, "22.10.1",
                "02:fc:00:00:00:01", 200, 10_000, 100_000);
    }

    public SimOptions withHost(String value) {
        return new SimOptions(value, port, user, password, stasisApp, timeScale, asteriskVersion, entityId,
                defaultRingMs, heardCallsKept, requestLogSize);
    }

    public SimOptions withPort(int value) {
        return new SimOptions(host, value, user, password, stasisApp, timeScale, asteriskVersion, entityId,
                defaultRingMs, heardCallsKept, requestLogSize);
    }

    public SimOptions withCredentials(String newUser, String newPassword) {
        return new SimOptions(host, port, newUser, newPassword, stasisApp, timeScale, asteriskVersion, entityId,
                defaultRingMs, heardCallsKept, requestLogSize);
    }

    public SimOptions withStasisApp(String value) {
        return new SimOptions(host, port, user, password, value, timeScale, asteriskVersion, entityId,
                defaultRingMs, heardCallsKept, requestLogSize);
    }

    public SimOptions withTimeScale(double value) {
        return new SimOptions(host, port, user, password, stasisApp, value, asteriskVersion, entityId,
                defaultRingMs, heardCallsKept, requestLogSize);
    }

    public SimOptions withAsteriskVersion(String value) {
        return new SimOptions(host, port, user, password, stasisApp, timeScale, value, entityId,
                defaultRingMs, heardCallsKept, requestLogSize);
    }

    public SimOptions withEntityId(String value) {
        return new SimOptions(host, port, user, password, stasisApp, timeScale, asteriskVersion, value,
                defaultRingMs, heardCallsKept, requestLogSize);
    }

    public SimOptions withDefaultRingMs(int value) {
        return new SimOptions(host, port, user, password, stasisApp, timeScale, asteriskVersion, entityId,
                value, heardCallsKept, requestLogSize);
    }

    public SimOptions withHeardCallsKept(int value) {
        return new SimOptions(host, port, user, password, stasisApp, timeScale, asteriskVersion, entityId,
                defaultRingMs, value, requestLogSize);
    }

    public SimOptions withRequestLogSize(int value) {
        return new SimOptions(host, port, user, password, stasisApp, timeScale, asteriskVersion, entityId,
                defaultRingMs, heardCallsKept, value);
    }
}
