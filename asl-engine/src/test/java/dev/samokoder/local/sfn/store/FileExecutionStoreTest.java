package dev.samokoder.local.sfn.store;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.samokoder.local.sfn.engine.EngineConfig;
import dev.samokoder.local.sfn.engine.StepFunctionsEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class FileExecutionStoreTest {

    private static final String ARN = "arn:aws:states:us-east-1:000000000000:execution:m:e";
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    @TempDir
    Path dir;

    private static ExecutionRecord running() {
        return new ExecutionRecord(ARN, "arn:aws:states:us-east-1:000000000000:stateMachine:m", "e", "{}",
                ExecutionStatus.RUNNING, T0, null, "{}", null, null, null);
    }

    @Test
    void records_survive_reopening_the_store() {
        // given
        try (FileExecutionStore store = new FileExecutionStore(dir)) {
            store.putStateMachine(new StateMachineRecord("arn:sm", "m", "{}", null, "STANDARD", T0));
            store.putExecution(running());
            store.appendHistory(ARN, new HistoryEvent(1, 0, T0, "ExecutionStarted", JsonNodeFactory.instance.objectNode()));
            store.appendCheckpoint(ARN, new Checkpoint.StateCompleted("#0", "A", JsonNodeFactory.instance.numberNode(1), "B"));
            store.appendCheckpoint(ARN, new Checkpoint.TaskTokenIssued("#1", "tok", T0));
            store.appendCheckpoint(ARN, new Checkpoint.TaskTokenAnswered("#1", "tok", false, null, "Rejected", "no"));
        }

        // when
        try (FileExecutionStore reopened = new FileExecutionStore(dir)) {

            // then
            assertThat(reopened.stateMachines()).extracting(StateMachineRecord::name).containsExactly("m");
            assertThat(reopened.execution(ARN)).contains(running());
            assertThat(reopened.history(ARN)).extracting(HistoryEvent::type).containsExactly("ExecutionStarted");
            assertThat(reopened.checkpoints(ARN)).containsExactly(
                    new Checkpoint.StateCompleted("#0", "A", JsonNodeFactory.instance.numberNode(1), "B"),
                    new Checkpoint.TaskTokenIssued("#1", "tok", T0),
                    new Checkpoint.TaskTokenAnswered("#1", "tok", false, null, "Rejected", "no"));
        }
    }

    @Test
    void a_record_torn_by_a_crash_is_ignored_and_later_appends_are_kept() throws IOException {
        // given
        try (FileExecutionStore store = new FileExecutionStore(dir)) {
            store.putExecution(running());
            store.appendCheckpoint(ARN, new Checkpoint.WaitStarted("#0", T0));
        }
        Path journal = dir.resolve("executions").resolve(URLEncoder.encode(ARN, StandardCharsets.UTF_8)).resolve("journal.jsonl");
        Files.writeString(journal, "{\"kind\":\"checkpoint\",\"key\":\"#1\",\"checkp", StandardOpenOption.APPEND);

        // when
        try (FileExecutionStore reopened = new FileExecutionStore(dir)) {
            reopened.appendCheckpoint(ARN, new Checkpoint.WaitStarted("#2", T0));

            // then
            assertThat(reopened.checkpoints(ARN)).extracting(Checkpoint::key).containsExactly("#0", "#2");
        }
    }

    @Test
    void a_finished_execution_keeps_no_journal_open() throws Exception {
        // given
        FileExecutionStore store = new FileExecutionStore(dir);
        try (StepFunctionsEngine engine = StepFunctionsEngine.start(EngineConfig.builder().store(store).build())) {
            String machine = engine.createStateMachine("m", """
                    {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}""", null, null).arn();

            // when
            for (int i = 0; i < 3; i++) {
                String execution = engine.startExecution(machine, "e" + i, "{}").arn();
                assertThat(engine.awaitCompletion(execution, Duration.ofSeconds(10)).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            }

            // then
            assertThat(store.openJournals()).as("journals still open after their executions ended").isZero();
            assertThat(engine.history(ARN.replace("execution:m:e", "execution:m:e2")).getLast().type()).isEqualTo("ExecutionSucceeded");
        }
    }
}
