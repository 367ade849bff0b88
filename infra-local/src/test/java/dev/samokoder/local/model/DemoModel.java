package dev.samokoder.local.model;

import dev.samokoder.local.model.ScriptedModelServer.Call;
import dev.samokoder.local.model.ScriptedModelServer.Reply;
import dev.samokoder.local.model.ScriptedModelServer.Turn;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The model behind the todo demo, as a script: a team that builds a small Node.js todo API with a
 * static page, as an npm project with its own tests. It works the way the platform asks a model to:
 * it reads the code it builds on before it writes (the store before the server, the server before
 * its tests), its first server answers 200 where the tests expect 201, BugHunter finds that line by
 * searching and reading the code, and CodeMonkey fixes it with an edit that quotes the line as read.
 * Recording a run of it gives {@code events/llm/demo-todo-api.jsonl} (see DemoTranscriptIT in tools/).
 *
 * <p>The files it writes are the test resources under {@code demo-app/}. The change request "add
 * due dates" on that app is {@link DueDates}; the change after it, which fails, is {@link UntitledTodos}.
 */
public final class DemoModel implements ScriptedModelServer.Script {

    public static final String QUESTION = "Should todos survive a restart of the server?";
    /**
     * The change request "add due dates", as scripts/demo todo-change sends it (the tools' DemoMain.DUE_DATES, which
     * DemoMainTest holds to this): {@link DueDates} answers the run whose request it is.
     */
    public static final String DUE_DATES = "Add due dates to the todos: a todo may have an optional due date (a day), which the API keeps "
            + "and lists.";
    /** The change request on the app with due dates that fails: it contradicts a test the app keeps (see UntitledTodos). */
    public static final String UNTITLED = "Let a todo be added without a title: call it Untitled.";
    private static final Pattern PATH = Pattern.compile("make the file (\\S+) what");
    private static final Pattern QUOTED = Pattern.compile("`([^`]+)`");
    private static final String CREATED = "send(res, 201, store.add(body.title))";
    private static final String BUG = "send(res, 200, store.add(body.title))";
    private static final String SPEC = "A todo list as a small web app. A REST API keeps todos (id, title, done) in memory: GET /todos lists "
            + "them, POST /todos creates one from {\"title\"} and answers 201 Created with the todo (400 without a title), PATCH "
            + "/todos/:id sets done, DELETE /todos/:id removes one (204; 404 when it does not exist). GET / serves a static page that "
            + "lists the todos, adds one, and ticks them done. It uses only Node.js built-ins, is an npm project (npm test, npm start) "
            + "and has its own tests (node:test) that exercise the API over HTTP.";
    private static final Map<String, String> SUMMARIES = Map.of(
            "package.json", "npm manifest: the start and test scripts, no dependencies",
            "src/store.js", "TodoStore: the todos in memory (list, add, setDone, remove)",
            "src/server.js", "HTTP server: the /todos routes and the page at /; createServer for the tests",
            "test/api.test.js", "tests of the todo API over HTTP on a random port",
            "public/index.html", "the page: lists, adds and ticks todos through the API",
            "test/page.test.js", "test that GET / serves the page");
    /** What a file is written after: the files whose names and exports it uses. */
    private static final Map<String, List<String>> READS_FIRST = Map.of(
            "src/server.js", List.of("src/store.js"),
            "test/api.test.js", List.of("src/server.js"),
            "test/page.test.js", List.of("src/server.js", "public/index.html"));

    @Override
    public Reply answer(Turn turn) {
        if (UntitledTodos.isTheChange(turn)) {
            return UntitledTodos.answer(turn);
        }
        if (DueDates.isTheChange(turn)) {
            return DueDates.answer(turn);
        }
        return switch (turn.agent()) {
            case "SpecWriter" -> specWriter(turn);
            case "Architect" -> submit(Call.of("submit", "appType", "REST API with a static page", "stack", "NODE",
                    "installSteps", List.of(), "buildCommand", List.of(), "testCommand", List.of("npm", "test"),
                    "startCommand", List.of("npm", "start"), "port", 3000, "probePath", "/",
                    "systemDependencies", List.of("Node.js 20"), "packageDependencies", List.of()));
            case "TechLead" -> techLead();
            case "Developer" -> developer(turn);
            case "CodeMonkey" -> codeMonkey(turn);
            case "CodeMonkeyReview" -> submit(Call.of("submit", "approved", true, "problems", List.of()));
            case "BugHunter" -> bugHunter(turn);
            case "TechnicalWriter" -> technicalWriter(turn);
            default -> throw new IllegalStateException("the demo has no " + turn.agent());
        };
    }

    private static Reply specWriter(Turn turn) {
        List<String> assumptions = List.of("todos live in memory and are lost on restart", "no accounts or authentication",
                "request bodies are JSON and at most 16 KB", "the server listens on PORT, 3000 by default");
        if (turn.prompt().contains("ask the user: at most")) {
            return submit(Call.of("submit", "spec", SPEC, "questions", List.of(QUESTION), "assumptions", assumptions));
        }
        return submit(Call.of("submit", "spec", SPEC, "assumptions", assumptions));
    }

    private static Reply techLead() {
        return submit(Call.of("submit", "tasks", List.of(
                ordered("epic", "API", "title", "Todo store and REST API",
                        "description", "An npm project (package.json with start and test scripts, and its lockfile), an in-memory TodoStore "
                                + "(src/store.js) and an HTTP server (src/server.js, createServer exported for tests) with GET/POST /todos, "
                                + "PATCH and DELETE /todos/:id.",
                        "acceptanceTests", List.of("POST /todos with a title answers 201 with the todo", "GET /todos lists what was created",
                                "POST /todos without a title answers 400",
                                "PATCH /todos/:id marks it done; DELETE removes it and a second DELETE is 404")),
                ordered("epic", "Page", "title", "A static page for the todos",
                        "description", "public/index.html, served at GET /, lists todos, adds one and ticks them done through the API.",
                        "acceptanceTests", List.of("GET / answers 200 with the HTML page that calls /todos")))));
    }

    private static Reply developer(Turn turn) {
        boolean firstTask = turn.section("The current task (data):").orElseThrow().contains("task 1 (");
        if (turn.done().isEmpty()) {
            // look before planning: what is there, and for the page how the server serves it
            return firstTask ? Reply.calls(Call.of("list_files")) : Reply.calls(Call.of("search", "pattern", "index\\.html", "glob", "src/**"));
        }
        if (firstTask) {
            return submit(Call.of("submit", "steps", List.of(
                    ordered("kind", "SAVE_FILE", "path", "package.json", "instructions", "The npm manifest: name todos, private, main "
                            + "src/server.js, scripts start (node src/server.js) and test (node --test), engines node >=20, no dependencies."),
                    ordered("kind", "RUN_COMMAND", "argv", List.of("npm", "install")),
                    ordered("kind", "SAVE_FILE", "path", "src/store.js", "instructions", "An in-memory TodoStore class: list(), add(title) "
                            + "(trimmed, required), setDone(id, done), remove(id); ids count up from 1. Export { TodoStore }."),
                    ordered("kind", "SAVE_FILE", "path", "src/server.js", "instructions", "createServer(store) on node:http using TodoStore "
                            + "from ./store: GET /todos, POST /todos (201 with the todo, 400 without a title), PATCH/DELETE /todos/:id, "
                            + "GET / serves public/index.html; JSON bodies up to 16 KB; listen on PORT when run directly. Export { createServer }.",
                            "after", List.of("src/store.js")),
                    ordered("kind", "SAVE_FILE", "path", "test/api.test.js", "instructions", "node:test tests that start createServer() "
                            + "on a random port and exercise every route with fetch, per the acceptance tests.", "after", List.of("src/server.js")))));
        }
        String serving = turn.done().getFirst().result();
        if (!serving.contains("src/server.js")) {
            throw new IllegalStateException("the page's plan needs to know how the server serves it; the search found: " + serving);
        }
        return submit(Call.of("submit", "steps", List.of(
                ordered("kind", "SAVE_FILE", "path", "public/index.html", "instructions", "A page titled Todos (src/server.js serves it at /) "
                        + "that lists the todos from GET /todos, adds one with a form (POST) and ticks them done (PATCH); text via textContent only."),
                ordered("kind", "SAVE_FILE", "path", "test/page.test.js", "instructions", "A node:test test that GET / answers 200 with the "
                        + "HTML page and that the page calls /todos.", "after", List.of("public/index.html")))));
    }

    private static Reply codeMonkey(Turn turn) {
        Matcher matcher = PATH.matcher(turn.prompt());
        if (!matcher.find()) {
            throw new IllegalStateException("CodeMonkey's prompt names no file");
        }
        String path = matcher.group(1);
        if (turn.prompt().contains(path + " exists (")) {
            return fix(turn, path);
        }
        for (String needed : READS_FIRST.getOrDefault(path, List.of())) {
            Optional<String> read = turn.resultOf("read_file", needed);
            if (read.isEmpty()) {
                return Reply.calls(Call.of("read_file", "path", needed));
            }
            if (read.get().startsWith("Error:")) {
                throw new IllegalStateException(path + " is written from " + needed + ", which it could not read: " + read.get());
            }
        }
        String content = file(path);
        if (path.equals("src/server.js")) {
            content = content.replace(CREATED, BUG); // the demo's first server has a bug its tests find
        }
        return Reply.calls(Call.of("write_file", "path", path, "content", content), Call.of("submit", "summary", SUMMARIES.get(path)));
    }

    /** An edit that quotes the line as read_file showed it: it applies only if the read reached the model. */
    private static Reply fix(Turn turn, String path) {
        Optional<String> read = turn.resultOf("read_file", path);
        if (read.isEmpty()) {
            return Reply.calls(Call.of("read_file", "path", path));
        }
        if (turn.done().stream().anyMatch(call -> call.name().equals("edit_file"))) {
            return submit(Call.of("submit", "summary", SUMMARIES.get(path)));
        }
        Matcher quotes = QUOTED.matcher(turn.section("The instructions for " + path + " (data):").orElseThrow());
        String wrong = quotes.find() ? quotes.group(1) : "";
        String right = quotes.find() ? quotes.group(1) : "";
        String line = read.get().lines().map(ScriptedLines::withoutGutter).filter(text -> text.contains(wrong)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the line to fix is not in what read_file showed"));
        return Reply.calls(Call.of("edit_file", "path", path, "old_text", line, "new_text", line.replace(wrong, right)));
    }

    private static Reply bugHunter(Turn turn) {
        String output = turn.section("Its output, the end of it (data):").orElse("");
        if (!output.contains("201") || !output.contains("200")) {
            throw new IllegalStateException("BugHunter needs the failing test's output");
        }
        if (turn.done().isEmpty()) {
            return Reply.calls(Call.of("search", "pattern", "store\\.add\\(", "glob", "src/**"));
        }
        String hit = turn.done().getFirst().result().lines().findFirst().orElseThrow(); // src/server.js:66: send(...)
        String file = hit.substring(0, hit.indexOf(':'));
        int line = Integer.parseInt(hit.split(":")[1]);
        Optional<String> read = turn.resultOf("read_file", file);
        if (read.isEmpty()) {
            return Reply.calls(Call.of("read_file", "path", file, "start_line", Math.max(1, line - 8), "end_line", line + 4));
        }
        String code = read.get().lines().map(ScriptedLines::withoutGutter).filter(text -> text.contains("store.add(")).findFirst()
                .orElseThrow().strip().replaceAll(";$", "");
        String fixed = code.replace("200", "201");
        return submit(Call.of("submit", "diagnosis", "POST /todos answers 200 OK where the test and the spec expect 201 Created: line " + line
                        + " of " + file + " sends `" + code + "` for a created todo.",
                "plan", "Answer 201 for a created todo in the POST /todos branch of " + file + "; nothing else changes.",
                "files", List.of(ordered("path", file, "instructions", "In the POST /todos branch (line " + line + "), replace `" + code
                        + "` with `" + fixed + "`: a created todo is answered 201 Created, as the test expects."))));
    }

    private static Reply technicalWriter(Turn turn) {
        for (String needed : List.of("package.json", "src/server.js")) {
            if (turn.resultOf("read_file", needed).isEmpty()) {
                return Reply.calls(Call.of("read_file", "path", needed));
            }
        }
        if (!turn.resultOf("read_file", "package.json").orElseThrow().contains("\"test\": \"node --test\"")) {
            throw new IllegalStateException("the README documents the scripts it read");
        }
        return Reply.calls(Call.of("write_file", "path", "README.md", "content", file("README.md")),
                Call.of("submit", "summary", "how to install, run and test the app, and its API"));
    }

    static Reply submit(Call call) {
        return Reply.calls(call);
    }

    /** A JSON object whose keys keep their order, so a recording is the same every time. */
    static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** A file of the demo app, from the test resources. */
    public static String file(String path) {
        return resource("/demo-app/" + path);
    }

    /** A test resource's text: a file the scripted team writes. */
    static String resource(String name) {
        try (InputStream in = DemoModel.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no demo file " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
