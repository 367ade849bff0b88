package dev.samokoder.cdk;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build check that keeps the API small: the API's Lambda jar, as {@code mvn package} made it
 * (the reactor builds {@code functions/api} before this module), holds no class or resource of the
 * LLM gateway and its providers ({@code dev.samokoder.llm}), of the agents, their tools and prompts
 * ({@code dev.samokoder.workflow}), nor langchain4j. It may read prices and ledgers
 * ({@code dev.samokoder.core}).
 */
class ApiArtifactTest {

    static final List<String> LLM_CODE = List.of("dev/samokoder/llm/", "dev/samokoder/workflow/", "dev/langchain4j/");

    @Test
    void theApiLambdaJarHoldsNoLlmCode() throws IOException {
        Path jar = Artifacts.lambdaJar(Path.of("..").toAbsolutePath().normalize().resolve("functions/api/target"),
                "samokoder-api");

        List<String> entries = entries(jar);

        assertThat(entries).as("what the API's Lambda runs").contains("dev/samokoder/api/ApiHandler.class",
                "dev/samokoder/core/ledger/CostLedger.class", "dev/samokoder/core/models/price-table.json");
        assertThat(llmCode(entries)).as("LLM code in " + jar).isEmpty();
    }

    @Test
    void theCheckFindsAnAgentOrAPromptInAJar(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("api.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream entries = new JarOutputStream(out)) {
            for (String name : List.of("dev/samokoder/api/ApiHandler.class", "dev/samokoder/workflow/agents/Architect.class",
                    "dev/samokoder/workflow/prompts/architect.txt", "dev/samokoder/llm/gateway/LlmGateway.class")) {
                entries.putNextEntry(new JarEntry(name));
                entries.closeEntry();
            }
        }

        assertThat(llmCode(entries(jar))).containsExactly("dev/samokoder/workflow/agents/Architect.class",
                "dev/samokoder/workflow/prompts/architect.txt", "dev/samokoder/llm/gateway/LlmGateway.class");
    }

    static List<String> entries(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().map(JarEntry::getName).toList();
        }
    }

    static List<String> llmCode(List<String> entries) {
        return entries.stream().filter(name -> !name.endsWith("/"))
                .filter(name -> LLM_CODE.stream().anyMatch(name::startsWith)).toList();
    }
}
