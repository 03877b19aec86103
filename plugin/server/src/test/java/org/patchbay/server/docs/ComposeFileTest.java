package org.patchbay.server.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@code docker/compose.yaml} as written lets Patchbay reach what its settings name: every loopback
 * address Patchbay dials (Redis, Asterisk) is either a service on the host's network too, or a port
 * that service publishes on the host's loopback. (No Docker engine here, so this reads the file.)
 */
class ComposeFileTest {
    private static final Path COMPOSE = Path.of("..", "..", "docker", "compose.yaml");

    @Test
    void patchbayReachesRedisAndAsteriskAsConfigured() throws Exception {
        JsonNode services = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(COMPOSE)).get("services");
        JsonNode patchbay = services.get("patchbay");
        assertTrue("host".equals(patchbay.path("network_mode").asText()), "Patchbay runs beside Asterisk on the host network");
        List<String> problems = new ArrayList<>();
        reachable(services, patchbay.path("environment").path("PATCHBAY_REDIS_URL").asText(), "redis", problems);
        reachable(services, patchbay.path("environment").path("PATCHBAY_ARI_URL").asText(), "asterisk", problems);
        if (!problems.isEmpty()) {
            fail(String.join("; ", problems));
        }
    }

    private static void reachable(JsonNode services, String url, String service, List<String> problems) {
        URI uri = URI.create(url);
        JsonNode target = services.get(service);
        if (target == null) {
            problems.add("no service " + service + " for " + url);
            return;
        }
        if ("host".equals(target.path("network_mode").asText())) {
            return;
        }
        String published = "127.0.0.1:" + uri.getPort() + ":";
        for (JsonNode port : target.path("ports")) {
            if (port.asText().startsWith(published)) {
                return;
            }
        }
        problems.add(service + " is on its own network and publishes no " + published + "… port, so " + url + " is unreachable");
    }
}
