package dev.samokoder.core.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigurationDocTest {

    private static final Pattern ROW = Pattern.compile("(?m)^\\| `([A-Z0-9_]+)` \\|");
    /** Where the page's list of the platform's settings ends and that of the web app's tooling begins. */
    private static final String TOOLING = "## The web app's tooling";

    @Test
    void docsConfigurationListsEverySetting() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "configuration.md"));

        for (Setting setting : Setting.values()) {
            assertThat(doc).as(setting.name()).contains("| `" + setting.variable() + "` |");
        }
    }

    @Test
    void docsConfigurationListsNoSettingThePlatformDoesNotRead() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "configuration.md"));
        String platform = doc.contains(TOOLING) ? doc.substring(0, doc.indexOf(TOOLING)) : doc;
        Set<String> documented = new TreeSet<>();
        Matcher row = ROW.matcher(platform);
        while (row.find()) {
            documented.add(row.group(1));
        }

        assertThat(documented).isEqualTo(Stream.of(Setting.values()).map(Setting::variable).collect(Collectors.toCollection(TreeSet::new)));
    }
}
