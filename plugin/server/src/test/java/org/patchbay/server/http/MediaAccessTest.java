package org.patchbay.server.http;

import org.junit.jupiter.api.Test;
import org.patchbay.server.config.ConfigException;
import org.patchbay.server.config.ConfigLoader;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A bad media setting stops start-up with one line naming it. */
class MediaAccessTest {

    @Test
    void aBadAllowBlockNamesTheSetting() {
        ConfigException bad = assertThrows(ConfigException.class,
                () -> MediaAccess.from(ConfigLoader.load(Map.of("PATCHBAY_MEDIA_ALLOW", "10.0.0.5/32,asterisk.local")).settings()));
        assertTrue(bad.getMessage().startsWith("PATCHBAY_MEDIA_ALLOW (media.allow) must be"), bad.getMessage());
        assertTrue(bad.getMessage().contains("asterisk.local"), bad.getMessage());
    }

    @Test
    void aZeroWindowNamesTheSetting() {
        ConfigException bad = assertThrows(ConfigException.class,
                () -> MediaAccess.from(ConfigLoader.load(Map.of("PATCHBAY_MEDIA_WINDOW", "0s")).settings()));
        assertTrue(bad.getMessage().startsWith("PATCHBAY_MEDIA_WINDOW (media.window) must be"), bad.getMessage());
    }
}
