package dev.samokoder.local.sfn.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.samokoder.local.sfn.engine.EngineConfig;
import dev.samokoder.local.sfn.engine.SfnException;
import dev.samokoder.local.sfn.engine.StepFunctionsEngine;
import dev.samokoder.local.sfn.engine.time.VirtualTimeScheduler;
import dev.samokoder.local.sfn.paths.JsonEquality;
import dev.samokoder.local.sfn.paths.JsonPath;
import dev.samokoder.local.sfn.store.ExecutionRecord;
import dev.samokoder.local.sfn.store.InMemoryExecutionStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Runs every case under src/test/resources/conformance. Time is virtual and starts at
 * {@link #EPOCH}, so Wait states, retry intervals and timeouts take no real time and
 * {@code $$.State.EnteredTime} is exact.
 */
class ConformanceTest {

    static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");
    private static final String STATE_MACHINE = "conformance";
    private static final String EXECUTION = "case";

    static Stream<ConformanceCase> cases() throws IOException, URISyntaxException {
        Path dir = Path.of(ConformanceTest.class.getResource("/conformance").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
            return names.stream().map(ConformanceCase::load);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void definition_behaves_as_documented_by_aws(ConformanceCase testCase) throws Exception {
        // given
        assertThat(testCase.source()).as("every case cites its source").startsWith("http");
        VirtualTimeScheduler scheduler = new VirtualTimeScheduler(EPOCH);
        AtomicReference<StepFunctionsEngine> engineRef = new AtomicReference<>();
        ScriptedTasks tasks = new ScriptedTasks(testCase.tasks(), scheduler, engineRef);
        try (StepFunctionsEngine engine = StepFunctionsEngine.start(EngineConfig.builder()
                .store(new InMemoryExecutionStore()).scheduler(scheduler).integrations(tasks.integrations()).build())) {
            engineRef.set(engine);
            JsonNode expectedProblems = testCase.json().get("expectedDefinitionProblems");
            if (expectedProblems != null) {
                assertInvalidDefinition(engine, testCase, expectedProblems);
                return;
            }
            String machineArn = engine.createStateMachine(STATE_MACHINE, testCase.definition().toString(),
                    "arn:aws:iam::000000000000:role/conformance", null).arn();

            // when
            ExecutionRecord started = engine.startExecution(machineArn, EXECUTION, testCase.input().toString());
            ExecutionRecord done = engine.awaitCompletion(started.arn(), Duration.ofSeconds(20));

            // then
            assertOutcome(testCase.json(), done);
            assertTasks(testCase.json(), tasks);
        }
    }

    private static void assertInvalidDefinition(StepFunctionsEngine engine, ConformanceCase testCase, JsonNode expectedProblems) {
        assertThatThrownBy(() -> engine.createStateMachine(STATE_MACHINE, testCase.definition().toString(), null, null))
                .isInstanceOfSatisfying(SfnException.class, e -> {
                    assertThat(e.code()).isEqualTo("InvalidDefinition");
                    expectedProblems.forEach(problem -> assertThat(e.getMessage()).contains(problem.asText()));
                    if (testCase.json().has("expectedProblemCount")) {
                        assertThat(e.getMessage()).contains(testCase.json().get("expectedProblemCount").asInt() + " problem(s)");
                    }
                });
    }

    private static void assertOutcome(JsonNode expected, ExecutionRecord done) throws Exception {
        if (expected.has("expectedError") || expected.has("expectedStatus") && !expected.get("expectedStatus").asText().equals("SUCCEEDED")) {
            String status = expected.path("expectedStatus").asText("FAILED");
            assertThat(done.status().name()).as("status (cause: %s)", done.cause()).isEqualTo(status);
            if (expected.has("expectedError")) {
                assertThat(done.error()).isEqualTo(expected.get("expectedError").asText());
            }
            if (expected.has("expectedCause")) {
                assertThat(done.cause()).isEqualTo(expected.get("expectedCause").asText());
            }
            if (expected.has("expectedCauseContains")) {
                assertThat(done.cause()).contains(expected.get("expectedCauseContains").asText());
            }
            return;
        }
        assertThat(done.status().name()).as("status (error %s: %s)", done.error(), done.cause()).isEqualTo("SUCCEEDED");
        JsonNode output = ConformanceCase.json(done.output());
        if (expected.has("expectedOutput")) {
            assertThat(JsonEquality.equal(output, expected.get("expectedOutput")))
                    .as("output %s equals %s", output, expected.get("expectedOutput")).isTrue();
        }
        if (expected.has("expectedOutputMatches")) {
            for (Map.Entry<String, JsonNode> entry : expected.get("expectedOutputMatches").properties()) {
                JsonNode value = JsonPath.parse(entry.getKey()).read(output);
                assertThat(value.isTextual() ? value.textValue() : value.toString()).as(entry.getKey())
                        .matches(entry.getValue().asText());
            }
        }
    }

    private static void assertTasks(JsonNode expected, ScriptedTasks tasks) {
        if (expected.has("expectedInvocations")) {
            expected.get("expectedInvocations").properties().forEach(entry ->
                    assertThat(tasks.calls(entry.getKey())).as("invocations of " + entry.getKey()).isEqualTo(entry.getValue().asInt()));
        }
        if (expected.has("expectedPayloads")) {
            expected.get("expectedPayloads").properties().forEach(entry -> {
                List<JsonNode> actual = tasks.payloads(entry.getKey());
                assertThat(actual).as("payloads of " + entry.getKey()).hasSize(entry.getValue().size());
                for (int i = 0; i < actual.size(); i++) {
                    assertThat(JsonEquality.equal(actual.get(i), entry.getValue().get(i)))
                            .as("payload %d of %s: %s equals %s", i, entry.getKey(), actual.get(i), entry.getValue().get(i)).isTrue();
                }
            });
        }
    }
}
