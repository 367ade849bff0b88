package dev.samokoder.workflow.agents;

import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

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

    @Test
    void failuresThatDifferOnlyInLineNumbersDurationsPathsAndIds_areTheSameFailure() {
        String first = """
                not ok 1 - POST /todos creates a todo (12.7ms)
                  location: '/tmp/sbx_q1w2e3r4t5y6/test/api.test.js:21:1'
                  error: 'Expected values to be strictly equal:\\n\\n200 !== 201\\n'
                    at TestContext.<anonymous> (/tmp/sbx_q1w2e3r4t5y6/test/api.test.js:24:10)
                    at createServer (/tmp/sbx_q1w2e3r4t5y6/src/server.js:66:11)
                request 3f2a9c1e-8b7d-4c6e-9a1b-2c3d4e5f6a7b at 2026-12-07T08:01:02.345Z, pid 1765098765432
                # duration_ms 813.2
                """;
        String later = first.replace("12.7ms", "9.4ms").replace("sbx_q1w2e3r4t5y6", "sbx_zz99aa88bb77").replace(":24:10", ":27:10")
                .replace("server.js:66:11", "server.js:71:11").replace("3f2a9c1e-8b7d-4c6e-9a1b-2c3d4e5f6a7b", "00000000-1111-2222-3333-444444444444")
                .replace("08:01:02.345Z", "09:15:00.001Z").replace("1765098765432", "1765099999999").replace("813.2", "640.0");
        String python = "  File \"/tmp/tmpab12cd/app.py\", line 12, in add\nAssertionError: 3 != 4\n";

        assertThat(new ExecOutcome(List.of("npm", "test"), 1, later, false).failureHash())
                .isEqualTo(new ExecOutcome(List.of("npm", "test"), 1, first, false).failureHash());
        assertThat(new ExecOutcome(List.of("pytest"), 1, python.replace("line 12", "line 15").replace("tmpab12cd", "tmpzz9"), false).failureHash())
                .isEqualTo(new ExecOutcome(List.of("pytest"), 1, python, false).failureHash());
        // what the test asserts is not blanked: another value is another failure
        assertThat(new ExecOutcome(List.of("npm", "test"), 1, first.replace("200 !== 201", "500 !== 201"), false).failureHash())
                .isNotEqualTo(new ExecOutcome(List.of("npm", "test"), 1, first, false).failureHash());
        assertThat(new ExecOutcome(List.of("pytest"), 1, python.replace("3 != 4", "3 != 5"), false).failureHash())
                .isNotEqualTo(new ExecOutcome(List.of("pytest"), 1, python, false).failureHash());
    }
}
