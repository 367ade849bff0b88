package dev.samokoder.local.model;

import static dev.samokoder.local.model.DemoModel.ordered;

import dev.samokoder.local.model.ScriptedModelServer.Call;
import dev.samokoder.local.model.ScriptedModelServer.Reply;
import dev.samokoder.local.model.ScriptedModelServer.Turn;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The model behind the stack demos, as a script: a team that builds a two-task app on a real stack with real
 * dependencies — {@link #expressReact()} (an Express + Jest API and a React + Vite page in one npm project) and
 * {@link #flask()} (a Flask + pytest app in a virtualenv). It succeeds only when the context it needs reached it:
 * the Architect sees the spec, the TechLead sees the architecture's commands, the Developer of the second task
 * finds by searching what the first task wrote, CodeMonkey reads the files a file is written from (and finds in
 * them the names it uses), and the TechnicalWriter documents the scripts it read. The files it writes are the
 * test resources under {@code demo-express-react/} and {@code demo-flask/}; recording a run gives
 * {@code events/llm/demo-express-react.jsonl} and {@code events/llm/demo-flask.jsonl} (see StackDemosIT in tools/).
 */
public final class StackDemoModel implements ScriptedModelServer.Script {

    /** A file of the plan: what it is, what it is written after and what must be in those files for it. */
    record File(String path, String instructions, String summary, Map<String, String> readsFirst) {
    }

    /** A task of the plan and its files; {@code look} is the Developer's first tool call before planning it. */
    record Task(String epic, String title, String description, List<String> acceptanceTests, Call look, String lookFinds,
                List<File> files) {
    }

    /**
     * @param architecture the Architect's submit arguments
     * @param manifest     the file whose scripts the README documents, and what it must say
     */
    record Scenario(String resources, String spec, List<String> assumptions, Map<String, Object> architecture, String testCommand,
                    List<Task> tasks, String manifest, String manifestSays, String readmeSummary) {
    }

    private static final Pattern PATH = Pattern.compile("make the file (\\S+) what");

    private final Scenario scenario;

    private StackDemoModel(Scenario scenario) {
        this.scenario = scenario;
    }

    public static StackDemoModel expressReact() {
        Map<String, Object> architecture = ordered("appType", "REST API with a React page", "stack", "NODE",
                "installSteps", List.of(ordered("argv", List.of("npm", "install"), "install", true)),
                "buildCommand", List.of("npm", "run", "build"), "testCommand", List.of("npm", "test"),
                "startCommand", List.of("npm", "start"), "port", 3000, "probePath", "/",
                "systemDependencies", List.of("Node.js 20"),
                "packageDependencies", List.of("express", "jest", "react", "react-dom", "vite", "vitest", "jsdom"));
        Task api = new Task("API", "Bookmarks API (Express, tested with Jest)",
                "An npm project (package.json: build, start and test scripts; express; jest, vitest, vite, react, jsdom as dev "
                        + "dependencies; vite.config.mjs for the page in web/ and its Vitest tests, so Vitest never runs the API's "
                        + "Jest tests), an in-memory BookmarkStore (server/store.js), the Express app (server/app.js, createApp "
                        + "exported for tests) with GET/POST /api/bookmarks and DELETE /api/bookmarks/:id, serving dist/, and "
                        + "server/index.js that listens on PORT.",
                List.of("POST /api/bookmarks with a title and an http(s) url answers 201 with the bookmark",
                        "GET /api/bookmarks lists what was created", "POST without a title or with a non-http url answers 400",
                        "DELETE /api/bookmarks/:id removes it and a second DELETE is 404"),
                Call.of("list_files"), "",
                List.of(new File("package.json", "The npm manifest: name bookmarks, private, scripts build (vite build), start (node "
                                + "server/index.js) and test (jest && vitest run --passWithNoTests); express as a dependency; jest, jsdom, "
                                + "react, react-dom, vite and vitest as dev dependencies, pinned; jest's testMatch server/**/*.test.js.",
                                "npm manifest: build, start and test scripts; express; jest, vitest, vite, react", Map.of()),
                        new File("vite.config.mjs", "Vite config: root web, build.outDir ../dist (emptied), a /api proxy to "
                                + "localhost:3000 for vite dev; test: root ., include web/**/*.test.{js,jsx}, environment jsdom.",
                                "Vite and Vitest config: the page in web/, built into dist/", Map.of("package.json", "\"vitest\"")),
                        new File(".gitignore", "Ignore node_modules/, dist/ and coverage/.", "what git ignores: dependencies and build output",
                                Map.of()),
                        new File("server/store.js", "An in-memory BookmarkStore class: list(), add(title, url) (trimmed; title required, "
                                + "url must be http(s); null otherwise), remove(id); ids count up from 1. Export { BookmarkStore }.",
                                "BookmarkStore: the bookmarks in memory (list, add, remove)", Map.of()),
                        new File("server/app.js", "createApp(store, staticDir) with Express: JSON bodies up to 16 KB, GET/POST "
                                + "/api/bookmarks (201 with the bookmark, 400 when the store refuses it), DELETE /api/bookmarks/:id "
                                + "(204, 404), and express.static(dist). Export { createApp }.",
                                "Express app: the /api/bookmarks routes and the built page from dist/; createApp for the tests",
                                Map.of("server/store.js", "class BookmarkStore")),
                        new File("server/index.js", "Starts createApp() from ./app on PORT (3000 by default) and logs the address.",
                                "starts the server on PORT", Map.of("server/app.js", "createApp")),
                        new File("server/app.test.js", "Jest tests that start createApp() on a random port and exercise every route "
                                + "with fetch, per the acceptance tests.", "Jest tests of the bookmarks API over HTTP",
                                Map.of("server/app.js", "module.exports = { createApp }"))));
        Task page = new Task("Page", "A React page for the bookmarks, built with Vite",
                "web/index.html, web/src/App.jsx that lists and adds bookmarks through the API, web/src/main.jsx, and its Vitest tests.",
                List.of("the page lists the bookmarks GET /api/bookmarks returns", "adding one POSTs it and shows it",
                        "npm run build writes the page to dist/, which the server serves at /"),
                Call.of("search", "pattern", "express\\.static", "glob", "server/**"), "server/app.js",
                List.of(new File("web/index.html", "The page's HTML: title Bookmarks, a #root div, and /src/main.jsx as a module.",
                                "the page's HTML shell", Map.of()),
                        new File("web/src/App.jsx", "export function App(): loads GET /api/bookmarks, lists them as links, and a form "
                                + "(title, address) that POSTs and appends the created bookmark; an alert when it is refused.",
                                "App: lists and adds bookmarks through the API", Map.of("server/app.js", "/api/bookmarks")),
                        new File("web/src/main.jsx", "Renders <App /> into #root with createRoot.", "renders App into the page",
                                Map.of("web/src/App.jsx", "export function App")),
                        new File("web/src/App.test.jsx", "Vitest tests (jsdom) that render App with fetch stubbed: it lists what the "
                                + "API returns; adding POSTs and shows the new bookmark.", "Vitest tests of the page",
                                Map.of("web/src/App.jsx", "export function App"))));
        return new StackDemoModel(new Scenario("demo-express-react",
                "Bookmarks as a small web app. An Express API keeps bookmarks (id, title, url) in memory: GET /api/bookmarks lists "
                        + "them, POST /api/bookmarks adds one from {\"title\", \"url\"} (201 with it; 400 without a title or with a "
                        + "url that is not http(s)), DELETE /api/bookmarks/:id removes one (204; 404 when there is none). A React "
                        + "page, built with Vite into dist/ and served by the API at /, lists the bookmarks and adds one. It is one "
                        + "npm project (npm run build, npm start, npm test) with a lockfile; the API is tested with Jest over HTTP "
                        + "and the page with Vitest and jsdom.",
                List.of("bookmarks live in memory and are lost on restart", "no accounts", "the server listens on PORT, 3000 by default"),
                architecture, "npm test", List.of(api, page), "package.json", "\"test\": \"jest && vitest run --passWithNoTests\"",
                "how to install (npm ci), build, run and test the app, and its API"));
    }

    public static StackDemoModel flask() {
        Map<String, Object> architecture = ordered("appType", "JSON API with a page", "stack", "PYTHON",
                "installSteps", List.of(ordered("argv", List.of("python3", "-m", "venv", ".venv"), "install", false),
                        ordered("argv", List.of(".venv/bin/pip", "install", "-r", "requirements.txt"), "install", true)),
                "buildCommand", List.of(), "testCommand", List.of(".venv/bin/python", "-m", "pytest"),
                "startCommand", List.of(".venv/bin/python", "app.py"), "port", 5000, "probePath", "/",
                "systemDependencies", List.of("Python 3.11"), "packageDependencies", List.of("flask", "pytest"));
        Task api = new Task("API", "Notes API (Flask, tested with pytest)",
                "requirements.txt (flask and pytest, pinned), an in-memory NoteStore (notes.py), and app.py with create_app(store) "
                        + "serving GET/POST /api/notes and DELETE /api/notes/<id>, run on PORT when started directly; pytest tests.",
                List.of("POST /api/notes with text answers 201 with the note", "GET /api/notes lists what was created",
                        "POST without text answers 400", "DELETE /api/notes/<id> removes it and a second DELETE is 404"),
                Call.of("list_files"), "",
                List.of(new File("requirements.txt", "flask==2.2.2 and pytest==7.2.1, one a line.", "the app's Python packages, pinned",
                                Map.of()),
                        new File(".gitignore", "Ignore .venv/, __pycache__/ and .pytest_cache/.", "what git ignores: the virtualenv and caches",
                                Map.of()),
                        new File("notes.py", "A NoteStore class: list(), add(text) (trimmed, required; None when empty; at most 1000 "
                                + "characters), remove(note_id) -> bool; ids count up from 1.", "NoteStore: the notes in memory",
                                Map.of()),
                        new File("app.py", "create_app(store=None) with Flask: MAX_CONTENT_LENGTH 16 KB, GET /api/notes, POST /api/notes "
                                + "(201 with the note, 400 without text), DELETE /api/notes/<int:id> (204, 404), GET / renders "
                                + "index.html; when run directly, listens on 127.0.0.1 and PORT (5000).",
                                "Flask app: the /api/notes routes and the page at /; create_app for the tests",
                                Map.of("notes.py", "class NoteStore")),
                        new File("tests/test_api.py", "pytest tests with create_app().test_client() for every route, per the acceptance "
                                + "tests.", "pytest tests of the notes API", Map.of("app.py", "def create_app"))));
        Task page = new Task("Page", "A page for the notes",
                "templates/index.html, rendered at GET /, lists the notes from the API and adds one; a pytest test of it.",
                List.of("GET / answers 200 with the page, which calls /api/notes"),
                Call.of("search", "pattern", "render_template", "glob", "*.py"), "app.py",
                List.of(new File("templates/index.html", "A page titled Notes that lists GET /api/notes and adds a note with a form "
                                + "(POST); text via textContent only.", "the page: lists and adds notes through the API",
                                Map.of("app.py", "/api/notes")),
                        new File("tests/test_page.py", "A pytest test that GET / answers 200 with the page and that it calls /api/notes.",
                                "pytest test of the page", Map.of("app.py", "def create_app", "templates/index.html", "<h1>Notes</h1>"))));
        return new StackDemoModel(new Scenario("demo-flask",
                "Notes as a small web app. A Flask JSON API keeps notes (id, text) in memory: GET /api/notes lists them, POST "
                        + "/api/notes adds one from {\"text\"} (201 with it; 400 without text), DELETE /api/notes/<id> removes one "
                        + "(204; 404 when there is none). GET / serves a page that lists the notes and adds one. It is a Python "
                        + "project with requirements.txt, installed in a virtualenv, and tested with pytest.",
                List.of("notes live in memory and are lost on restart", "no accounts", "the server listens on PORT, 5000 by default"),
                architecture, ".venv/bin/python -m pytest", List.of(api, page), "requirements.txt", "flask==2.2.2",
                "how to make the virtualenv, install, run and test the app, and its API"));
    }

    @Override
    public Reply answer(Turn turn) {
        return switch (turn.agent()) {
            case "SpecWriter" -> Reply.calls(Call.of("submit", "spec", scenario.spec(), "assumptions", scenario.assumptions()));
            case "Architect" -> architect(turn);
            case "TechLead" -> techLead(turn);
            case "Developer" -> developer(turn);
            case "CodeMonkey" -> codeMonkey(turn);
            case "CodeMonkeyReview" -> Reply.calls(Call.of("submit", "approved", true, "problems", List.of()));
            case "TechnicalWriter" -> technicalWriter(turn);
            default -> throw new IllegalStateException("the " + scenario.resources() + " demo has no " + turn.agent()
                    + "; what it was asked:\n" + turn.prompt());
        };
    }

    private Reply architect(Turn turn) {
        if (!turn.prompt().contains(scenario.spec().substring(0, 80))) {
            throw new IllegalStateException("the Architect chooses from the spec, which its prompt does not hold");
        }
        List<Object> args = new ArrayList<>();
        scenario.architecture().forEach((key, value) -> {
            args.add(key);
            args.add(value);
        });
        return Reply.calls(Call.of("submit", args.toArray()));
    }

    private Reply techLead(Turn turn) {
        if (!turn.prompt().contains(scenario.testCommand())) {
            throw new IllegalStateException("the TechLead plans tasks the test command (" + scenario.testCommand()
                    + ") can check, and its prompt does not say it");
        }
        List<Map<String, Object>> tasks = scenario.tasks().stream().map(task -> ordered("epic", task.epic(), "title", task.title(),
                "description", task.description(), "acceptanceTests", task.acceptanceTests())).toList();
        return Reply.calls(Call.of("submit", "tasks", tasks));
    }

    private Reply developer(Turn turn) {
        String current = turn.section("The current task (data):").orElseThrow();
        Task task = scenario.tasks().stream().filter(t -> current.contains(t.title())).findFirst()
                .orElseThrow(() -> new IllegalStateException("the Developer's prompt names no task of the plan:\n" + current));
        if (turn.done().isEmpty()) {
            return Reply.calls(task.look()); // look before planning
        }
        String found = turn.done().getFirst().result();
        if (!found.contains(task.lookFinds())) {
            throw new IllegalStateException("the plan of '" + task.title() + "' builds on " + task.lookFinds() + ", which the "
                    + turn.done().getFirst().name() + " did not find: " + found);
        }
        List<Map<String, Object>> steps = new ArrayList<>();
        for (File file : task.files()) {
            Map<String, Object> step = ordered("kind", "SAVE_FILE", "path", file.path(), "instructions", file.instructions());
            List<String> after = file.readsFirst().keySet().stream().filter(path -> task.files().stream()
                    .anyMatch(other -> other.path().equals(path))).sorted().toList();
            if (!after.isEmpty()) {
                step.put("after", after);
            }
            steps.add(step);
        }
        return Reply.calls(Call.of("submit", "steps", steps));
    }

    private Reply codeMonkey(Turn turn) {
        Matcher matcher = PATH.matcher(turn.prompt());
        if (!matcher.find()) {
            throw new IllegalStateException("CodeMonkey's prompt names no file");
        }
        String path = matcher.group(1);
        File file = scenario.tasks().stream().flatMap(task -> task.files().stream()).filter(f -> f.path().equals(path)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no file " + path + " in the " + scenario.resources() + " plan"));
        for (Map.Entry<String, String> needed : new java.util.TreeMap<>(file.readsFirst()).entrySet()) {
            Optional<String> read = turn.resultOf("read_file", needed.getKey());
            if (read.isEmpty()) {
                return Reply.calls(Call.of("read_file", "path", needed.getKey()));
            }
            if (!read.get().contains(needed.getValue())) {
                throw new IllegalStateException(path + " is written from " + needed.getKey() + ", whose read did not show "
                        + needed.getValue() + ": " + read.get());
            }
        }
        return Reply.calls(Call.of("write_file", "path", path, "content", file(path)), Call.of("submit", "summary", file.summary()));
    }

    private Reply technicalWriter(Turn turn) {
        String main = scenario.tasks().getFirst().files().stream().filter(f -> f.path().endsWith("app.py") || f.path().endsWith("app.js"))
                .findFirst().orElseThrow().path();
        for (String needed : List.of(scenario.manifest(), main)) {
            if (turn.resultOf("read_file", needed).isEmpty()) {
                return Reply.calls(Call.of("read_file", "path", needed));
            }
        }
        if (!turn.resultOf("read_file", scenario.manifest()).orElseThrow().contains(scenario.manifestSays())) {
            throw new IllegalStateException("the README documents what " + scenario.manifest() + " says, and the read did not show "
                    + scenario.manifestSays());
        }
        return Reply.calls(Call.of("write_file", "path", "README.md", "content", file("README.md")),
                Call.of("submit", "summary", scenario.readmeSummary()));
    }

    /** A file of the demo app, from the test resources. */
    String file(String path) {
        try (InputStream in = StackDemoModel.class.getResourceAsStream("/" + scenario.resources() + "/" + path)) {
            if (in == null) {
                throw new IllegalStateException("no demo file " + scenario.resources() + "/" + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file the demo writes, by path. */
    public Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        scenario.tasks().forEach(task -> task.files().forEach(file -> files.put(file.path(), file(file.path()))));
        files.put("README.md", file("README.md"));
        return files;
    }
}
