package dev.samokoder.tools.demo;

import dev.samokoder.core.config.SamokoderConfig;
import dev.samokoder.core.http.Json;
import dev.samokoder.local.LocalPlatform;
import dev.samokoder.sandbox.FileTrees;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * {@code scripts/demo}: starts the local platform with the replay model, and, as a user would over
 * the HTTP API, registers, creates a project, starts an autonomous run that builds a small todo
 * REST API from {@code events/llm/demo-todo-api.jsonl}, follows its timeline, and exports the
 * generated app into a folder. The app's tests run in the sandbox during the run; nothing the
 * run generated is executed on this machine outside it.
 */
public final class DemoMain {

    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(10);
    /** How often the demo asks for news: two requests a poll stay under a user's default rate limit. */
    private static final Duration POLL = Duration.ofMillis(1_100);
    private static final Set<String> ENDED = Set.of("succeeded", "failed", "cancelled");
    private static final long MAX_EXPORT_BYTES = 50L * 1024 * 1024;

    private final PrintStream out = System.out;
    private final DemoClient api;

    private DemoMain(String base) {
        this.api = new DemoClient(base);
    }

    /**
     * What the demo builds: the todo app (and then the change request that adds due dates), a bookmarks app on
     * Express and React, or a notes app on Flask; each replays its own recorded transcript.
     */
    enum Scenario {
        TODO("demo-todo-api.jsonl", "Todo API (demo)", "the todo app", "npm test && npm start"),
        TODO_CHANGE("demo-todo-api.jsonl", "Todo API (demo)", "the todo app", "npm test && npm start"),
        EXPRESS_REACT("demo-express-react.jsonl", "Bookmarks (demo)", "the bookmarks app (Express + React, real npm packages)",
                "npm ci && npm test && npm run build && npm start"),
        FLASK("demo-flask.jsonl", "Notes (demo)", "the notes app (Flask + pytest, from a local package index)",
                "python3 -m venv .venv && .venv/bin/pip install -r requirements.txt && .venv/bin/python -m pytest && .venv/bin/python app.py");

        final String transcript;
        final String project;
        final String what;
        final String tryIt;

        Scenario(String transcript, String project, String what, String tryIt) {
            this.transcript = transcript;
            this.project = project;
            this.what = what;
            this.tryIt = tryIt;
        }

        String request() {
            return switch (this) {
                case TODO, TODO_CHANGE -> TODO_APP;
                case EXPRESS_REACT -> EXPRESS_REACT_APP;
                case FLASK -> FLASK_APP;
            };
        }
    }

    /**
     * The new app's description and the change request, as the recorded transcript answers them (the scripted demo model
     * of infra-local's tests knows the change request by its text: DemoMainTest).
     */
    public static final String TODO_APP = "A todo list: a REST API with a static page, using only Node.js built-ins, with its own tests.";
    public static final String EXPRESS_REACT_APP = "Bookmarks: an Express API that keeps bookmarks (a title and a link) and a React "
            + "page, built with Vite, that lists them and adds new ones; tested with Jest and Vitest.";
    public static final String FLASK_APP = "Notes: a Flask JSON API that keeps short notes, with a page that lists them and adds new "
            + "ones; tested with pytest.";
    /** What the notes demo's local package index holds: Flask and pytest, repacked from this machine's Debian packages. */
    public static final List<String> FLASK_PACKAGES = List.of("flask", "pytest");
    public static final String DUE_DATES = "Add due dates to the todos: a todo may have an optional due date (a day), which the API keeps "
            + "and lists.";

    /** @param args the folder of the transcripts ({@code events/llm}), then the scenario ({@code todo}, {@code todo-change},
     *             {@code express-react}, {@code flask}), then the output folder */
    public static void main(String[] args) throws Exception {
        Path transcripts = Path.of(args.length > 0 ? args[0] : "events/llm").toAbsolutePath();
        Scenario scenario = Scenario.valueOf((args.length > 1 ? args[1] : "todo").toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        Path output = Path.of(args.length > 2 ? args[2] : "demo-output").toAbsolutePath();
        Path transcript = transcripts.resolve(scenario.transcript);
        if (!Files.isRegularFile(transcript)) {
            System.err.println("demo: no transcript at " + transcript);
            System.exit(2);
        }
        Path dataDir = Files.createTempDirectory("samokoder-demo-");
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("SAMOKODER_DATA_DIR", dataDir.toString());
        env.putIfAbsent("SAMOKODER_PORT", "0");
        env.put("SAMOKODER_LLM_MODEL", "replay:demo");
        env.put("SAMOKODER_LLM_REPLAY_TRANSCRIPT", transcript.toString());
        int status;
        try (LocalPackageIndex index = scenario == Scenario.FLASK ? LocalPackageIndex.start(dataDir.resolve("pypi"), FLASK_PACKAGES) : null) {
            if (index != null) {
                usePackageIndex(env, index);
                System.out.println("demo: pip installs from a local package index of " + String.join(", ", index.distributions())
                        + " (this machine's packages, repacked as wheels) at " + index.url());
            }
            try (LocalPlatform platform = LocalPlatform.start(SamokoderConfig.fromEnv(env), Clock.systemUTC())) {
                status = new DemoMain("http://127.0.0.1:" + platform.port()).run(scenario, output);
            }
        } finally {
            deleteTree(dataDir);
        }
        System.exit(status);
    }

    /** Points the sandbox's pip at {@code index} and lets its installs reach it, besides the registries already allowed. */
    public static void usePackageIndex(Map<String, String> env, LocalPackageIndex index) {
        String registries = env.getOrDefault("SAMOKODER_SANDBOX_REGISTRIES",
                dev.samokoder.core.config.Setting.SANDBOX_REGISTRIES.defaultValue());
        env.put("SAMOKODER_SANDBOX_REGISTRIES", registries + ",127.0.0.1:" + index.url().getPort());
        env.put("SAMOKODER_SANDBOX_PIP_INDEX_URL", index.url().toString());
    }

    private int run(Scenario scenario, Path output) throws IOException, InterruptedException {
        String email = api.signUp("demo");
        String project = call("POST", "/v1/projects", Json.mapper().createObjectNode().put("name", scenario.project).toString(), 201)
                .path("id").asText();
        out.println("demo: " + email + " builds " + scenario.what + " (answers replayed from the transcript)");
        Optional<JsonNode> run = follow(startRun(project, scenario.request(), "new-app"));
        if (run.isPresent() && scenario == Scenario.TODO_CHANGE) {
            out.println();
            out.println("demo: the change request: " + DUE_DATES);
            run = follow(startRun(project, DUE_DATES, "change-request"));
        }
        if (run.isEmpty()) {
            return 1;
        }
        Path folder = output.resolve(run.get().path("id").asText());
        int files = export(project, folder);
        out.println();
        out.println("demo: the run SUCCEEDED; " + files + " file(s) of the " + (scenario == Scenario.TODO_CHANGE ? "changed" : "generated")
                + " app are in " + folder);
        out.println("      its tests passed in the sandbox; to try it: cd " + folder + " && " + scenario.tryIt);
        out.println("      model calls: " + run.get().path("cost").path("summary").asText());
        return 0;
    }

    private String startRun(String project, String request, String kind) throws IOException, InterruptedException {
        JsonNode run = call("POST", "/v1/projects/" + project + "/runs", Json.mapper().createObjectNode()
                .put("request", request).put("kind", kind).put("mode", "autonomous").toString(), 201);
        out.println("demo: run " + run.path("id").asText() + " started");
        return run.path("id").asText();
    }

    /** Prints the run's timeline as it goes; the run once it succeeded, empty when it did not. */
    private Optional<JsonNode> follow(String runId) throws IOException, InterruptedException {
        long after = 0;
        Instant deadline = Instant.now().plus(RUN_TIMEOUT);
        JsonNode run;
        while (true) {
            JsonNode events = call("GET", "/v1/runs/" + runId + "/events?after=" + after, null, 200);
            for (JsonNode event : events.path("items")) {
                if (!event.path("type").asText().equals("route")) {
                    String agent = event.path("data").path("agent").asText("");
                    out.printf("  %-20s %s%n", agent.isEmpty() ? event.path("type").asText().toLowerCase() : agent, event.path("message").asText());
                }
            }
            after = events.path("next").asLong(after);
            run = call("GET", "/v1/runs/" + runId, null, 200);
            if (ENDED.contains(run.path("status").asText()) && events.path("items").isEmpty()) {
                break;
            }
            if (Instant.now().isAfter(deadline)) {
                out.println("demo: the run did not end within " + RUN_TIMEOUT.toMinutes() + " minutes");
                return Optional.empty();
            }
            Thread.sleep(POLL.toMillis());
        }
        if (!run.path("status").asText().equals("succeeded")) {
            out.println("demo: the run ended " + run.path("status").asText() + ": " + run.path("failure").asText());
            return Optional.empty();
        }
        return Optional.of(run);
    }

    /** Downloads the export zip through its presigned link and unpacks it, refusing any entry outside the folder. */
    private int export(String project, Path folder) throws IOException, InterruptedException {
        String url = call("GET", "/v1/projects/" + project + "/export", null, 200).path("url").asText();
        HttpResponse<InputStream> zip = api.download(URI.create(url));
        if (zip.statusCode() != 200) {
            throw new IOException("the export download answered " + zip.statusCode());
        }
        Files.createDirectories(folder);
        int count = 0;
        long total = 0;
        try (ZipInputStream entries = new ZipInputStream(zip.body())) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                Path target = folder.resolve(entry.getName()).normalize();
                if (!target.startsWith(folder) || entry.isDirectory()) {
                    continue;
                }
                Files.createDirectories(target.getParent());
                byte[] content = entries.readNBytes((int) Math.min(MAX_EXPORT_BYTES - total + 1, Integer.MAX_VALUE - 8));
                total += content.length;
                if (total > MAX_EXPORT_BYTES) {
                    throw new IOException("the export is over " + MAX_EXPORT_BYTES + " bytes");
                }
                Files.write(target, content);
                count++;
            }
        }
        return count;
    }

    private JsonNode call(String method, String path, String json, int expected) throws IOException, InterruptedException {
        return api.call(method, path, json, expected);
    }

    /** Removes a temporary data dir; a failure is reported, not thrown (the run's result stands). */
    public static void deleteTree(Path dir) {
        try {
            FileTrees.delete(dir);
        } catch (IOException e) {
            System.err.println("demo: could not remove " + dir + ": " + e.getMessage());
        }
    }
}
