package org.patchbay.server.simulate;

import org.patchbay.server.config.ConfigLoader;
import org.patchbay.server.config.NumberConfig;
import org.patchbay.server.config.PatchbayConfig;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Patchbay's configuration for a simulation: sandbox mode (no ARI URL, no Redis), HTTP on loopback
 * port 0 (Asterisk fetches speech from it), one number mapped to the app. Only the data directory
 * (the speech cache, kept between runs so prompts are synthesised once) and the TTS program come
 * from the environment.
 */
final class SimulationConfig {
    private static final String[] FROM_ENVIRONMENT = {"PATCHBAY_DATA_DIR", "PATCHBAY_TTS_BINARY"};

    private SimulationConfig() {
    }

    static PatchbayConfig of(SimulateOptions options, Map<String, String> env) {
        Map<String, String> settings = new HashMap<>();
        for (String name : FROM_ENVIRONMENT) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                settings.put(name, value);
            }
        }
        settings.putIfAbsent("PATCHBAY_DATA_DIR", Path.of(System.getProperty("java.io.tmpdir"), "patchbay-simulate").toString());
        settings.put("PATCHBAY_HTTP_HOST", "127.0.0.1");
        settings.put("PATCHBAY_HTTP_PORT", "0");
        settings.put("PATCHBAY_EVENT_LOOPS", "2");
        PatchbayConfig base = ConfigLoader.load(settings);
        NumberConfig app = new NumberConfig(options.url(), options.method(), options.fallbackUrl(), options.method(), null, null);
        return base.withNumbers(Map.of(options.to(), app));
    }
}
