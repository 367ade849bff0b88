package dev.samokoder.local;

import dev.samokoder.services.wiring.Wiring;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code scripts/dev}'s JVM as its own process ({@code scripts/dev} execs it): what a user sees
 * when it stops on SIGTERM (Ctrl-C is the same shutdown) and when it cannot start.
 */
class LocalMainIT {

    private static final Pattern RUNNING = Pattern.compile("Samokoder is running at http://127\\.0\\.0\\.1:(\\d+)");
    private static final String REGISTER = "{\"email\":\"kept@example.com\",\"password\":\"correct horse battery staple\"}";

    @TempDir
    Path dataDir;

    private final List<Process> processes = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() throws InterruptedException {
        for (Process process : processes) {
            process.destroyForcibly();
            process.waitFor(20, TimeUnit.SECONDS);
        }
    }

    /**
     * A running {@code LocalMain}: its process, everything it printed so far, its port once it
     * runs, and the end of its output (read to the end once the process is gone).
     */
    private record Platform(Process process, List<String> output, CompletableFuture<Integer> port, CompletableFuture<Void> drained) {
        String printed() {
            return String.join("\n", output);
        }

        /** True if the process ended within the time; then its whole output has been read. */
        boolean ends(long seconds) throws Exception {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                return false;
            }
            drained.get(10, TimeUnit.SECONDS);
            return true;
        }
    }

    private Platform launch(Map<String, String> extraEnv) throws IOException {
        ProcessBuilder builder = LocalMainProcesses.builder(dataDir);
        builder.environment().putAll(extraEnv);
        Process process = builder.start();
        processes.add(process);
        List<String> output = new CopyOnWriteArrayList<>();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        CompletableFuture<Void> drained = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> { // drains the output for as long as the process lives
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    output.add(line);
                    Matcher matcher = RUNNING.matcher(line);
                    if (matcher.find()) {
                        port.complete(Integer.parseInt(matcher.group(1)));
                    }
                }
            } catch (IOException ignored) {
                // the process is gone
            }
            port.completeExceptionally(new IllegalStateException("the platform exited without saying it runs"));
            drained.complete(null);
        });
        return new Platform(process, output, port, drained);
    }

    private HttpResponse<String> post(int port, String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static boolean accepts(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1_000);
            return true;
        } catch (ConnectException refused) {
            return false;
        }
    }

    @Test
    void sigtermStopsEveryComponentAndWhatWasWrittenIsThereAfterTheNextStart() throws Exception {
        // given: a running platform with a user written to its data dir
        Platform first = launch(Map.of());
        int port = first.port().get(120, TimeUnit.SECONDS);
        assertThat(post(port, "/v1/auth/register", REGISTER).statusCode()).isEqualTo(201);
        assertThat(first.process().descendants()).as("the platform starts no other process").isEmpty();

        // when: SIGTERM, as Ctrl-C or `kill` sends it (through the handle: Process.destroy would also
        // close our end of its output, and we want to read what it says while it stops)
        assertThat(first.process().toHandle().destroy()).isTrue();

        // then: it stops by itself, soon, having stopped every component and freed its port
        assertThat(first.ends(30)).as(first.printed()).isTrue();
        assertThat(first.printed()).contains("embedded AWS stack stopped", "local platform stopped");
        assertThat(accepts(port)).isFalse();

        // and the user is still there after a start on the same data dir
        Platform second = launch(Map.of());
        int again = second.port().get(120, TimeUnit.SECONDS);
        HttpResponse<String> login = post(again, "/v1/auth/login", REGISTER);
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    }

    @Test
    void aTakenPortIsNamedWithItsVariableAndTheProcessExitsAtOnce() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            Platform platform = launch(Map.of("SAMOKODER_PORT", Integer.toString(taken.getLocalPort())));

            assertThat(platform.ends(60)).as(platform.printed()).isTrue();
            assertThat(platform.process().exitValue()).isEqualTo(2);
            assertThat(platform.printed()).contains("samokoder: port " + taken.getLocalPort() + " on 127.0.0.1 (wanted by gateway)"
                    + " is already in use. Set SAMOKODER_PORT to a free port.");
            // found before any component started
            assertThat(platform.printed()).doesNotContain("DynamoDB Local listening");
        }
    }

    @Test
    void aDamagedFileInTheDataDirIsReportedInOneLine_leftAsItIs_andTheProcessExits() throws Exception {
        // given: a data dir whose signing key file was overwritten
        Path key = dataDir.resolve(Wiring.SIGNING_KEY_FILE);
        Files.createDirectories(key.getParent());
        Files.writeString(key, "not a key");

        // when
        Platform platform = launch(Map.of());

        // then: one line says which file and what to do, the process ends, the file is as it was
        assertThat(platform.ends(120)).as(platform.printed()).isTrue();
        assertThat(platform.process().exitValue()).isEqualTo(2);
        assertThat(platform.output()).anySatisfy(line -> assertThat(line)
                .startsWith("samokoder: the platform did not start: ")
                .contains(key.toString(), "damaged", "Nothing in the data dir was deleted"));
        assertThat(Files.readString(key)).isEqualTo("not a key");
    }
}
