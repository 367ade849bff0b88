package dev.samokoder.local.api;

import dev.samokoder.core.http.Json;
import dev.samokoder.core.testing.TestLogs;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the end-to-end tests share when they start the local platform and when they are done with it. */
final class TestPlatforms {

    private static final Path LOG = TestLogs.of("infra-local");

    private TestPlatforms() {
    }

    /**
     * The settings of a test platform: its own data dir, any free port, no web app, cheap password
     * hashing (PasswordHasherTest covers the real cost) and a rate limit no test reaches by accident.
     * Tests add or override what they are about.
     */
    static Map<String, String> env(Path dataDir) {
        Map<String, String> env = new HashMap<>();
        env.put("SAMOKODER_DATA_DIR", dataDir.toString());
        env.put("SAMOKODER_PORT", "0");
        env.put("SAMOKODER_STATIC_DIR", dataDir.resolve("no-web-app").toString());
        env.put("SAMOKODER_ARGON2_MEMORY_KIB", "1024");
        env.put("SAMOKODER_ARGON2_ITERATIONS", "1");
        env.put("SAMOKODER_RATE_LIMIT_PER_MINUTE", "6000");
        env.put("SAMOKODER_RATE_LIMIT_BURST", "1000");
        return env;
    }

    /**
     * No secret that crossed the API during a test class is in the module's test log. A missing or
     * empty log fails: the check must not pass because nothing was read.
     */
    static void assertNotLogged(Collection<String> secrets) throws IOException {
        assertThat(LOG).as("the test log (src/test/resources/logback-test.xml)").isRegularFile();
        String text = Files.readString(LOG);
        assertThat(text).as("the test log").contains("\"loggerName\":\"access\"");
        for (String secret : secrets) {
            assertThat(text).as("the log must not contain a secret").doesNotContain(secret);
        }
    }

    /** The module's test log so far, one JSON object per line (as the Lambda functions log). */
    static List<JsonNode> logLines() throws IOException {
        assertThat(LOG).as("the test log (src/test/resources/logback-test.xml)").isRegularFile();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(LOG)) {
            if (!line.isBlank()) {
                lines.add(Json.mapper().readTree(line));
            }
        }
        return lines;
    }

    static String logText() throws IOException {
        return Files.readString(LOG);
    }
}
