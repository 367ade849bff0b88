package dev.samokoder.llm.replay;

import dev.samokoder.core.llm.Exchange;
import dev.samokoder.core.llm.LlmMessage;
import dev.samokoder.core.llm.ToolCall;
import dev.samokoder.core.llm.ToolChoice;
import dev.samokoder.core.models.ModelCapabilities;
import dev.samokoder.core.models.ModelRef;
import dev.samokoder.llm.provider.ProviderRequest;
import dev.samokoder.llm.provider.ProviderResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class TranscriptRecorderTest {

    private static final String KEY = "sk-proj-" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4";

    @Test
    void concurrentSteps_appendWholeLines_thatReplayAsTheSameAnswers(@TempDir Path dir) throws Exception {
        // given
        TranscriptRecorder recorder = new TranscriptRecorder(dir.resolve("nested/run.jsonl"));
        int steps = 16;
        int rounds = 25;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();

        // when: sixteen steps record 25 rounds each at once, with answers long enough to interleave if they could
        try (ExecutorService pool = Executors.newFixedThreadPool(steps)) {
            for (int s = 0; s < steps; s++) {
                String step = "task 1 · step " + s + " · src/f" + s + ".js";
                done.add(pool.submit(() -> {
                    start.await();
                    for (int r = 1; r <= rounds; r++) {
                        String content = (step + " round " + r + "\n").repeat(200);
                        recorder.record(request(step, r), new ProviderResponse("", List.of(new ToolCall("c" + r, "write_file",
                                "{\"path\":\"x\",\"content\":" + com.fasterxml.jackson.databind.node.TextNode.valueOf(content) + "}")),
                                Optional.empty(), false), new Redactor(Set.of()));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        }

        // then
        ReplayTranscript transcript = ReplayTranscript.load(dir.resolve("nested/run.jsonl"));
        assertThat(Files.readAllLines(dir.resolve("nested/run.jsonl"))).hasSize(steps * rounds);
        assertThat(transcript.exchanges()).hasSize(steps * rounds);
        assertThat(transcript.answer("CodeMonkey", new Exchange("task 1 · step 7 · src/f7.js", 13)).orElseThrow().toolCalls().getFirst()
                .arguments()).contains("task 1 · step 7 · src/f7.js round 13\\n");
    }

    @Test
    void keysTokensAndSecrets_neverReachTheFile(@TempDir Path dir) throws Exception {
        // given: a model that repeats the call's key, and writes credentials it saw into a file
        String secretFile = """
                OPENAI_API_KEY=%s
                aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
                token: ghp_abcdefghijklmnopqrstuvwxyz0123456789
                Authorization: Bearer abc.def-ghi_jkl~mno123456
                -----BEGIN PRIVATE KEY-----
                MIIEvQIBADANBgkqhkiG9w0BAQEFAASC
                -----END PRIVATE KEY-----
                samokoder: sk_4fT9kLmN2pQrStUvWxYz0aBcDeFgHiJkLmNoPqRsT
                """.formatted(KEY);
        TranscriptRecorder recorder = new TranscriptRecorder(dir.resolve("t.jsonl"));
        String configured = "my-local-server-key-12345";

        // when
        recorder.record(request("readme", 1), new ProviderResponse("the key is " + configured + " and " + KEY,
                List.of(new ToolCall("c1", "write_file", "{\"path\":\".env\",\"content\":" + com.fasterxml.jackson.databind.node.TextNode.valueOf(secretFile) + "}"),
                        new ToolCall("c2", "write_file", "{\"path\":\"cut\",\"content\":\"AKIAIOSFODNN7EXAMPLE and more")),
                Optional.empty(), true), new Redactor(Set.of(configured)));

        // then
        String written = Files.readString(dir.resolve("t.jsonl"));
        assertThat(written).doesNotContain(KEY).doesNotContain(configured).doesNotContain("wJalrXUtnFEMI")
                .doesNotContain("ghp_abcdefghij").doesNotContain("abc.def-ghi").doesNotContain("MIIEvQIBADAN")
                .doesNotContain("sk_4fT9kLmN").doesNotContain("AKIAIOSFODNN7EXAMPLE");
        RecordedExchange back = ReplayTranscript.parse(written, "t").exchanges().getFirst();
        assertThat(back.text()).isEqualTo("the key is [REDACTED] and [REDACTED]");
        assertThat(back.toolCalls().getFirst().arguments()).contains("OPENAI_API_KEY=[REDACTED]")
                .contains("aws_secret_access_key = [REDACTED]").contains("Bearer [REDACTED]").contains("[REDACTED]\\nsamokoder: [REDACTED]");
        // a call cut off mid-arguments is kept as it came, redacted
        assertThat(back.toolCalls().get(1).arguments()).isEqualTo("{\"path\":\"cut\",\"content\":\"[REDACTED] and more");
        assertThat(back.truncated()).isTrue();
    }

    @Test
    void aRecordingProvider_recordsWhatItsProviderAnswered_andNothingWhenTheCallFailed(@TempDir Path dir) {
        TranscriptRecorder recorder = new TranscriptRecorder(dir.resolve("t.jsonl"));
        RecordingChatProvider ok = new RecordingChatProvider(request -> new ProviderResponse("fine", Optional.empty(), false), recorder,
                new Redactor(Set.of()));
        RecordingChatProvider failing = new RecordingChatProvider(request -> {
            throw new IllegalStateException("down");
        }, recorder, new Redactor(Set.of()));

        ok.chat(request("spec", 1));
        try {
            failing.chat(request("spec", 2));
        } catch (IllegalStateException expected) {
            // the failure is the caller's; nothing is recorded
        }

        assertThat(ReplayTranscript.load(dir.resolve("t.jsonl")).exchanges()).extracting(e -> e.exchange().round()).containsExactly(1);
    }

    private static ProviderRequest request(String step, int round) {
        return new ProviderRequest(ModelRef.parse("openai:gpt-4.1-mini"), ModelCapabilities.TOOLS, List.of(LlmMessage.user("go")), 100,
                OptionalDouble.empty(), List.of(), ToolChoice.AUTO, "CodeMonkey", new Exchange(step, round));
    }
}
