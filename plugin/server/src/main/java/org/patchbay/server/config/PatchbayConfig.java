package org.patchbay.server.config;

import org.patchbay.core.endpoint.EndpointDirectory;

import java.nio.file.Path;
import java.util.Map;

/**
 * Patchbay's validated configuration. {@code ariUrl} null means sandbox mode. {@code settings} holds every
 * setting as configured, for subsystems that read their own (limits, usage, events, …).
 */
public record PatchbayConfig(
        String httpHost,
        int httpPort,
        String publicUrl,
        String ariUrl,
        String ariUser,
        String ariPassword,
        String ariApp,
        String redisUrl,
        String redisPrefix,
        String accountSid,
        String authToken,
        Path dataDir,
        String ttsBinary,
        Path soundsDir,
        int eventLoops,
        EndpointDirectory endpoints,
        boolean recordingsPublic,
        Map<String, NumberConfig> numbers,
        SettingValues settings) {

    public boolean sandbox() {
        return ariUrl == null;
    }

    public PatchbayConfig withAri(String url, String user, String password) {
        return new PatchbayConfig(httpHost, httpPort, publicUrl, url, user, password, ariApp, redisUrl, redisPrefix,
                accountSid, authToken, dataDir, ttsBinary, soundsDir, eventLoops, endpoints, recordingsPublic, numbers, settings);
    }

    public PatchbayConfig withEndpoints(EndpointDirectory directory) {
        return new PatchbayConfig(httpHost, httpPort, publicUrl, ariUrl, ariUser, ariPassword, ariApp, redisUrl, redisPrefix,
                accountSid, authToken, dataDir, ttsBinary, soundsDir, eventLoops, directory, recordingsPublic, numbers, settings);
    }

    public PatchbayConfig withNumbers(Map<String, NumberConfig> mapped) {
        return new PatchbayConfig(httpHost, httpPort, publicUrl, ariUrl, ariUser, ariPassword, ariApp, redisUrl, redisPrefix,
                accountSid, authToken, dataDir, ttsBinary, soundsDir, eventLoops, endpoints, recordingsPublic, Map.copyOf(mapped), settings);
    }

    public PatchbayConfig withPublicUrl(String url) {
        return new PatchbayConfig(httpHost, httpPort, url, ariUrl, ariUser, ariPassword, ariApp, redisUrl, redisPrefix,
                accountSid, authToken, dataDir, ttsBinary, soundsDir, eventLoops, endpoints, recordingsPublic, numbers, settings);
    }
}
