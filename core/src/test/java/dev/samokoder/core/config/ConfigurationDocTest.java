package dev.samokoder.core.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigurationDocTest {

    @Test
    void docsConfigurationListsEverySetting() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "configuration.md"));

        for (Setting setting : Setting.values()) {
            assertThat(doc).as(setting.name()).contains("| `" + setting.variable() + "` |");
        }
    }
}
