package org.patchbay.server.config;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's configuration table stays true to the settings Patchbay reads. */
class ReadmeTest {

    @Test
    void everySettingIsDocumentedWithItsYamlPath() throws IOException {
        String readme = Files.readString(Path.of("../../README.md"));
        for (Setting setting : Setting.values()) {
            assertTrue(readme.contains("| `" + setting.env() + "` | `" + setting.yamlPath() + "` |"),
                    setting.env() + " is missing from the README's configuration table");
        }
    }
}
