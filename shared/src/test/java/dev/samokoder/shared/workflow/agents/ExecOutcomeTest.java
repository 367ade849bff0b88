package dev.samokoder.shared.workflow.agents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExecOutcomeTest {

    private static String nodeTestOutput(String duration, int port) {
        return "not ok 1 - POST /todos creates a todo and answers 201\n  ---\n  duration_ms: " + duration + "\n"
                + "  error: 'Expected values to be strictly equal:\\n\\n200 !== 201\\n'\n  url: http://127.0.0.1:" + port + "/todos\n"
                + "# duration_ms " + duration + "\n";
    }

    @Test
    void theSameFailingTestWithOtherTimingsAndPortsIsTheSameFailure() {
        ExecOutcome first = new ExecOutcome(List.of("node --test"), 1, nodeTestOutput("63.948502", 40123), false);
        ExecOutcome second = new ExecOutcome(List.of("node --test"), 1, nodeTestOutput("71.2", 35001), false);

        assertThat(first.failureHash()).isEqualTo(second.failureHash());
    }

    @Test
    void anotherAssertionIsAnotherFailure() {
        ExecOutcome first = new ExecOutcome(List.of("node --test"), 1, nodeTestOutput("63.9", 40123), false);
        ExecOutcome other = new ExecOutcome(List.of("node --test"), 1, nodeTestOutput("63.9", 40123).replace("200 !== 201", "404 !== 201"), false);

        assertThat(first.failureHash()).isNotEqualTo(other.failureHash());
    }
}
