package dev.samokoder.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The runner image cannot be built here (no Docker); its Dockerfile is checked for what must hold. */
class DockerfileTest {

    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i)(secret|password|passwd|token|credential|private[_-]?key|access[_-]?key|api[_-]?key|aws_session)");
    private static final Pattern SECRET_FILE = Pattern.compile(
            "(?i)(\\.env\\b|\\.aws|\\.npmrc|\\.pypirc|id_rsa|\\.pem\\b|\\.p12\\b|credentials|jwt-signing-key|\\.samokoder)");

    /** Values that are secrets whatever they are named: AWS key ids, private keys, provider API keys, tokens. */
    private static final Pattern SECRET_VALUE = Pattern.compile(
            "(A[KS]IA[0-9A-Z]{16}|-----BEGIN [A-Z ]*PRIVATE KEY|\\bsk-[A-Za-z0-9_-]{16,}|\\bghp_[A-Za-z0-9]{20,}|\\bxox[abp]-[A-Za-z0-9-]{10,})");

    private static String text;
    private static List<String> instructions;
    private static String ignore;

    @BeforeAll
    static void read() throws IOException {
        text = Files.readString(Path.of("Dockerfile"));
        // join continuation lines, drop comments: one instruction per entry
        instructions = text.replaceAll("\\\\\\n", " ").lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        ignore = Files.readString(Path.of("Dockerfile.dockerignore"));
    }

    private static List<String> all(String keyword) {
        return instructions.stream().filter(line -> line.toUpperCase().startsWith(keyword + " ")).toList();
    }

    @Test
    void theRunnerRunsAsANonRootUser() {
        // when
        List<String> users = all("USER");

        // then
        assertThat(users).isNotEmpty();
        String last = users.getLast().substring("USER ".length()).strip();
        assertThat(last).doesNotStartWith("root").doesNotStartWith("0:").isNotEqualTo("0");
        assertThat(Integer.parseInt(last.split(":")[0])).isGreaterThanOrEqualTo(1000);
        assertThat(instructions.indexOf(users.getLast())).isLessThan(instructions.indexOf(all("ENTRYPOINT").getFirst()));
    }

    @Test
    void noSecretIsBakedIn() {
        // then: no variable or build argument named like a secret, no secret file copied
        for (String line : all("ENV")) {
            assertThat(SECRET_NAME.matcher(line).find()).as(line).isFalse();
        }
        assertThat(all("ARG")).isEmpty();
        assertThat(SECRET_VALUE.matcher(text).find()).as("a secret-looking value in the Dockerfile").isFalse();
        for (String line : instructions.stream().filter(l -> l.startsWith("COPY") || l.startsWith("ADD")).toList()) {
            assertThat(SECRET_FILE.matcher(line).find()).as(line).isFalse();
        }
        assertThat(all("ADD")).as("ADD can fetch URLs and unpack archives; COPY says exactly what is copied").isEmpty();
        assertThat(ignore.lines().map(String::strip).filter(l -> !l.startsWith("#") && !l.isEmpty()).toList())
                .as("only the runner jar is sent to the build").containsExactly("*", "!functions/runner/target/samokoder-runner-*-lambda.jar");
    }

    @Test
    void theWorkspaceAndTmpAreTheWritableVolumes_andTheRunnerIsTheEntrypoint() {
        assertThat(all("VOLUME")).singleElement().asString().contains("\"/workspace\"", "\"/tmp\"");
        assertThat(all("ENTRYPOINT")).singleElement().asString().contains("dev.samokoder.runner.RunnerMain");
        assertThat(all("WORKDIR")).containsExactly("WORKDIR /workspace");
    }

    @Test
    void generatedAppsFindNodePythonAndAJdk() {
        assertThat(instructions).anyMatch(line -> line.startsWith("FROM node:20"));
        assertThat(instructions).anyMatch(line -> line.contains("python3"));
        assertThat(instructions).anyMatch(line -> line.contains("jdk") && line.startsWith("FROM"));
        assertThat(instructions).anyMatch(line -> line.contains("/usr/local/bin"));
    }
}
