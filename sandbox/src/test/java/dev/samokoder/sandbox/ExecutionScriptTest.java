package dev.samokoder.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExecutionScriptTest {

    /** Runs the script with /bin/sh, as the sandbox does, and returns {exit code, stdout, stderr}. */
    private static Object[] sh(String script) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("/bin/sh", "-c", script).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return new Object[] {process.exitValue(), out, err};
    }

    @Test
    void eachWordReachesTheCommandAsItIsWithoutTheShellReadingIt() throws Exception {
        String script = ExecutionScript.of(List.of(new ExecutionScript.Command(ExecutionScript.COMMAND,
                List.of("printf", "%s|", "it's", "$HOME", "`id`", "a b", "; rm -rf /"))));

        Object[] result = sh(script);

        assertThat(result[0]).isEqualTo(0);
        assertThat(result[1]).isEqualTo("it's|$HOME|`id`|a b|; rm -rf /|");
    }

    @Test
    void theScriptStopsAtTheFirstFailureAndTheMarkersNameIt() throws Exception {
        String script = ExecutionScript.of(List.of(
                new ExecutionScript.Command(ExecutionScript.INSTALL, List.of("true")),
                new ExecutionScript.Command(ExecutionScript.TESTS, List.of("sh", "-c", "exit 3")),
                new ExecutionScript.Command(ExecutionScript.COMMAND, List.of("touch", "/tmp/never-reached"))));

        Object[] result = sh(script);

        assertThat(result[0]).isEqualTo(3);
        assertThat(ExecutionScript.lastStarted((String) result[2])).hasValueSatisfying(stop -> {
            assertThat(stop.number()).isEqualTo(2);
            assertThat(stop.count()).isEqualTo(3);
            assertThat(stop.label()).isEqualTo(ExecutionScript.TESTS);
            assertThat(stop.command()).isEqualTo("sh -c exit 3");
        });
        assertThat((String) result[2]).contains("[samokoder] FAILED step 2/3 (tests) exit 3");
    }

    @Test
    void theServedApp_replacesTheShell_soItsExitIsTheScripts_andOnlyAsTheLastCommand() throws Exception {
        String script = ExecutionScript.of(List.of(new ExecutionScript.Command(ExecutionScript.COMMAND, List.of("true")),
                ExecutionScript.serve(List.of("sh", "-c", "echo serving $$ >&2; exit 7"))), 2, 3);

        Object[] result = sh(script);

        assertThat(result[0]).isEqualTo(7);
        assertThat(ExecutionScript.lastStarted((String) result[2])).hasValueSatisfying(stop -> {
            assertThat(stop.label()).isEqualTo(ExecutionScript.SERVE);
            assertThat(stop.number()).isEqualTo(3);
        });
        // exec: no FAILED marker, the shell is gone once the app runs
        assertThat((String) result[2]).contains("serving").doesNotContain("FAILED");
        assertThatThrownBy(() -> ExecutionScript.of(List.of(ExecutionScript.serve(List.of("npm", "start")),
                new ExecutionScript.Command(ExecutionScript.COMMAND, List.of("true")))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("last");
    }

    @Test
    void aPartOfAnExecution_isNumberedWithinTheWhole() throws Exception {
        // when: commands 2 and 3 of 3 (the install, command 1, ran in a script of its own)
        String script = ExecutionScript.of(List.of(
                new ExecutionScript.Command(ExecutionScript.COMMAND, List.of("true")),
                new ExecutionScript.Command(ExecutionScript.TESTS, List.of("sh", "-c", "exit 4"))), 2, 3);
        Object[] result = sh(script);

        // then
        assertThat(result[0]).isEqualTo(4);
        assertThat((String) result[2]).contains("[samokoder] step 2/3 (command): true").contains("FAILED step 3/3 (tests) exit 4");
        assertThatThrownBy(() -> ExecutionScript.of(List.of(new ExecutionScript.Command(ExecutionScript.TESTS, List.of("true"))), 3, 2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void theStartedAppAnsweringItsProbePath_passes_andIsStopped() throws Exception {
        // given: an app that serves on PORT
        int port = freePort();
        String script = ExecutionScript.of(List.of(new ExecutionScript.Command(ExecutionScript.TESTS, List.of("true")),
                ExecutionScript.start(List.of("node", "-e", "require('http').createServer((q, r) => r.end('up')).listen(process.env.PORT)"),
                        new ExecutionScript.Probe(port, "/health", false, 20))));

        // when
        Object[] result = sh(script);

        // then
        assertThat(result[0]).as((String) result[2]).isEqualTo(0);
        assertThat((String) result[2]).contains("[samokoder] step 2/2 (start): node -e")
                .contains("[samokoder] the app answered GET /health on port " + port);
        try (java.net.Socket stopped = new java.net.Socket()) {
            assertThatThrownBy(() -> stopped.connect(new java.net.InetSocketAddress("127.0.0.1", port), 500))
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void anAppThatExitsBeforeItAnswers_failsTheStartStep_withItsCodeAndOutput() throws Exception {
        // given
        String script = ExecutionScript.of(List.of(ExecutionScript.start(List.of("node", "-e", "console.error('no DATABASE_URL'); process.exit(3)"),
                new ExecutionScript.Probe(freePort(), "/", false, 20))));

        // when
        Object[] result = sh(script);

        // then: the judge can name the start command; the person sees why
        assertThat(result[0]).isEqualTo(3);
        assertThat((String) result[2]).contains("the app did not answer GET / on port").contains("exited with code 3")
                .contains("no DATABASE_URL").contains("FAILED step 1/1 (start) exit 3");
        assertThat(ExecutionScript.lastStarted((String) result[2])).hasValueSatisfying(stop -> {
            assertThat(stop.label()).isEqualTo(ExecutionScript.START);
            assertThat(stop.command()).startsWith("node -e");
        });
    }

    @Test
    void anAppThatNeverAnswers_failsWhenItsTimeIsUp() throws Exception {
        // given: an app that listens nowhere and keeps running
        String script = ExecutionScript.of(List.of(ExecutionScript.start(List.of("python3", "-c", "import time; time.sleep(30)"),
                new ExecutionScript.Probe(freePort(), "/", true, 1))));

        // when
        Object[] result = sh(script);

        // then
        assertThat(result[0]).isEqualTo(1);
        assertThat((String) result[2]).contains("did not answer GET / on port").contains("within 1 s");
    }

    @Test
    void noMarkerMeansNothingStarted() {
        assertThat(ExecutionScript.lastStarted("npm ERR! something\n")).isEmpty();
    }
}
