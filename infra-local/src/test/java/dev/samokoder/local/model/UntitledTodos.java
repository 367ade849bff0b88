package dev.samokoder.local.model;

import static dev.samokoder.local.model.DemoModel.ordered;
import static dev.samokoder.local.model.DemoModel.submit;

import dev.samokoder.local.model.ScriptedModelServer.Call;
import dev.samokoder.local.model.ScriptedModelServer.Reply;
import dev.samokoder.local.model.ScriptedModelServer.Turn;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo model's change request that fails, on the app with due dates: "let a todo be added
 * without a title". It contradicts a test the app has ("a todo without a title is refused with
 * 400"), and the team keeps every test: CodeMonkey names such a todo Untitled and writes a test of
 * it, the old test fails; BugHunter refuses an empty title again, the new test fails; BugHunter
 * names it Untitled again, the old test fails as before (the fixes go round in a circle);
 * ProblemSolver, having read only the old test, refuses a blank title and names only a missing one
 * Untitled, and the new test fails as before. The run stops on its task, {@code npm test} failing
 * with exit code 1: the demo of a run that fails and says why.
 *
 * <p>Every file it changes it reads first, and it changes it with an edit quoting what it read.
 */
final class UntitledTodos {

    static final String REQUEST = DemoModel.UNTITLED;
    private static final String EPIC = "Untitled todos";
    private static final Pattern PATH = Pattern.compile("make the file (\\S+) what");
    private static final Pattern QUOTED = Pattern.compile("`([^`]+)`");
    private static final Pattern FAILED_TEST = Pattern.compile("(?m)^not ok \\d+ - (.+)$");
    private static final String OLD_TEST = "a todo without a title is refused with 400";
    private static final String NEW_TEST = "a todo without a title is called Untitled";
    private static final String SERVER = "src/server.js";
    private static final String TEST = "test/untitled.test.js";

    /** POST /todos as the app with due dates has it: no title, 400. */
    private static final String REFUSED = """
                    if (typeof body.title !== 'string' || body.title.trim() === '') {
                      send(res, 400, { error: 'title is required' });
                      return;
                    }
                    send(res, 201, store.add(body.title, body.dueDate ?? null));
            """;
    /** What the change asks for: no title, or a blank one, makes a todo called Untitled. */
    private static final String UNTITLED = """
                    const title = typeof body.title === 'string' && body.title.trim() !== '' ? body.title : 'Untitled';
                    send(res, 201, store.add(title, body.dueDate ?? null));
            """;
    /** ProblemSolver's way out: a missing title makes Untitled, a blank one is refused as before. */
    private static final String ONLY_MISSING = """
                    if (body.title !== undefined && (typeof body.title !== 'string' || body.title.trim() === '')) {
                      send(res, 400, { error: 'a title, when given, must not be blank' });
                      return;
                    }
                    send(res, 201, store.add(body.title ?? 'Untitled', body.dueDate ?? null));
            """;

    private UntitledTodos() {
    }

    /** True for a turn of this change's run: its prompts name the request, or its task's epic. */
    static boolean isTheChange(Turn turn) {
        return turn.prompt().contains(REQUEST) || turn.prompt().contains("task 1 (epic: " + EPIC + ")");
    }

    static Reply answer(Turn turn) {
        return switch (turn.agent()) {
            case "SpecWriter" -> specWriter(turn);
            case "Architect" -> submit(Call.of("submit", "reason", "a todo's default title needs no dependency and no new command: the "
                    + "stack, the commands and the port stay as they are"));
            case "TechLead" -> submit(Call.of("submit", "tasks", List.of(ordered("epic", EPIC, "title", "Todos without a title are called Untitled",
                    "description", "POST /todos without a title (none, or a blank one) creates a todo called Untitled instead of answering "
                            + "400. The existing tests keep passing.",
                    "acceptanceTests", List.of("POST /todos with an empty title answers 201 with a todo called Untitled",
                            "POST /todos with no title answers 201 with a todo called Untitled")))));
            case "Developer" -> developer(turn);
            case "CodeMonkey" -> codeMonkey(turn);
            case "CodeMonkeyReview" -> submit(Call.of("submit", "approved", true, "problems", List.of()));
            case "BugHunter" -> bugHunter(turn);
            case "ProblemSolver" -> problemSolver(turn);
            default -> throw new IllegalStateException("the untitled change has no " + turn.agent());
        };
    }

    private static Reply specWriter(Turn turn) {
        String current = turn.section("The app's specification as it is (data):").orElseThrow(() ->
                new IllegalStateException("the change's SpecWriter needs the app's spec"));
        String spec = current.replaceAll("\\n\\nAssumptions:[\\s\\S]*$", "").strip();
        if (!spec.contains("(400 without a title)")) {
            throw new IllegalStateException("the spec as it is says nothing of a todo without a title: " + spec);
        }
        return submit(Call.of("submit", "spec", spec.replace("(400 without a title)", "(without a title, or with a blank one, the todo "
                + "is called Untitled)"), "assumptions", List.of("a title of spaces only counts as no title")));
    }

    private static Reply developer(Turn turn) {
        if (turn.done().isEmpty()) {
            return Reply.calls(Call.of("search", "pattern", "title is required", "glob", "src/**"));
        }
        if (!turn.done().getFirst().result().contains(SERVER + ":")) {
            throw new IllegalStateException("the change's plan needs to know where a title is required: " + turn.done().getFirst().result());
        }
        Optional<String> server = read(turn, SERVER);
        if (server.isEmpty()) {
            return Reply.calls(Call.of("read_file", "path", SERVER));
        }
        if (!ScriptedLines.text(server.get()).contains(REFUSED)) {
            throw new IllegalStateException(SERVER + " as read does not refuse a todo without a title: " + server.get());
        }
        return submit(Call.of("submit", "steps", List.of(
                ordered("kind", "SAVE_FILE", "path", SERVER, "instructions", "In the POST /todos branch, replace `" + REFUSED + "` with `"
                        + UNTITLED + "`: a todo without a title, or with a blank one, is called Untitled."),
                ordered("kind", "SAVE_FILE", "path", TEST, "instructions", "node:test tests over HTTP, as in test/api.test.js: POST /todos "
                        + "with an empty title, and with none, answers 201 with a todo called Untitled.", "after", List.of(SERVER)))));
    }

    private static Reply codeMonkey(Turn turn) {
        Matcher matcher = PATH.matcher(turn.prompt());
        if (!matcher.find()) {
            throw new IllegalStateException("CodeMonkey's prompt names no file");
        }
        String path = matcher.group(1);
        if (path.equals(TEST)) {
            for (String needed : List.of(SERVER, "test/api.test.js")) {
                if (read(turn, needed).isEmpty()) {
                    return Reply.calls(Call.of("read_file", "path", needed));
                }
            }
            return Reply.calls(Call.of("write_file", "path", path, "content", DemoModel.resource("/demo-app-change/" + TEST)),
                    Call.of("submit", "summary", "tests that a todo without a title is called Untitled"));
        }
        if (turn.done().stream().anyMatch(call -> call.name().equals("edit_file"))) {
            return submit(Call.of("submit", "summary", "HTTP server: the /todos routes (due dates included, a todo without a title "
                    + "called Untitled) and the page at /; createServer for the tests"));
        }
        Optional<String> read = read(turn, path);
        if (read.isEmpty()) {
            return Reply.calls(Call.of("read_file", "path", path));
        }
        // the instructions quote the code to replace, then its replacement
        Matcher quotes = QUOTED.matcher(turn.section("The instructions for " + path + " (data):").orElseThrow());
        String before = quotes.find() ? quotes.group(1) : "";
        String after = quotes.find() ? quotes.group(1) : "";
        if (before.isEmpty() || !ScriptedLines.text(read.get()).contains(before)) {
            throw new IllegalStateException(path + " as read does not hold the text to change: " + before);
        }
        return Reply.calls(Call.of("edit_file", "path", path, "old_text", before, "new_text", after));
    }

    /**
     * Fixes the test that failed, and only it: the old test wants a todo without a title refused,
     * the new one wants it called Untitled; it reads the server's code before it quotes it.
     */
    private static Reply bugHunter(Turn turn) {
        String failed = failedTest(turn);
        if (turn.done().isEmpty()) {
            return Reply.calls(Call.of("search", "pattern", "body\\.title", "glob", "src/**"));
        }
        String hit = turn.done().getFirst().result().lines().filter(line -> line.startsWith(SERVER + ":")).findFirst()
                .orElseThrow(() -> new IllegalStateException("the search found no title in " + SERVER));
        int line = Integer.parseInt(hit.split(":")[1]);
        Optional<String> read = read(turn, SERVER);
        if (read.isEmpty()) {
            return Reply.calls(Call.of("read_file", "path", SERVER));
        }
        String code = ScriptedLines.text(read.get());
        if (failed.equals(OLD_TEST) && code.contains(UNTITLED)) {
            return fix("POST /todos answers 201 for an empty title where the test '" + OLD_TEST + "' (test/api.test.js) expects 400: "
                            + "line " + line + " of " + SERVER + " calls such a todo Untitled.",
                    "Refuse a todo without a title with 400 again, as test/api.test.js expects; nothing else changes.", UNTITLED, REFUSED,
                    "a todo without a title is refused with 400, as the test expects.");
        }
        if (failed.equals(NEW_TEST) && code.contains(REFUSED)) {
            return fix("POST /todos answers 400 for an empty title where the test '" + NEW_TEST + "' (" + TEST + ") expects 201 and a "
                            + "todo called Untitled: line " + line + " of " + SERVER + " refuses it.",
                    "Call a todo without a title Untitled, as the change asks; nothing else changes.", REFUSED, UNTITLED,
                    "a todo without a title, or with a blank one, is called Untitled, as the test expects.");
        }
        throw new IllegalStateException("BugHunter does not know this failure: " + failed + " with " + SERVER + " as\n" + code);
    }

    /** The same failure came back: it reads the old test, and tells a missing title (Untitled) from a blank one (400). */
    private static Reply problemSolver(Turn turn) {
        if (!failedTest(turn).equals(OLD_TEST)) {
            throw new IllegalStateException("ProblemSolver comes after the old test failed again");
        }
        for (String needed : List.of("test/api.test.js", SERVER)) {
            if (read(turn, needed).isEmpty()) {
                return Reply.calls(Call.of("read_file", "path", needed));
            }
        }
        if (!ScriptedLines.text(read(turn, SERVER).orElseThrow()).contains(UNTITLED)) {
            throw new IllegalStateException("ProblemSolver expects the server to call a todo without a title Untitled");
        }
        return fix("The fixes go round in a circle: test/api.test.js refuses a todo without a title (it posts a blank title), the change "
                        + "calls it Untitled. The two meet if a title that is given but blank is still refused, and only a todo with no "
                        + "title at all is called Untitled.",
                "Tell a missing title from a blank one in the POST /todos branch of " + SERVER + ".", UNTITLED, ONLY_MISSING,
                "a todo with no title is called Untitled; a blank title is refused with 400, as test/api.test.js expects.");
    }

    private static Reply fix(String diagnosis, String plan, String before, String after, String why) {
        return submit(Call.of("submit", "diagnosis", diagnosis, "plan", plan, "files", List.of(ordered("path", SERVER,
                "instructions", "In the POST /todos branch, replace `" + before + "` with `" + after + "`: " + why))));
    }

    /** The test whose failure the fixer's prompt shows. */
    private static String failedTest(Turn turn) {
        String output = turn.section("Its output, the end of it (data):").orElse("");
        Matcher failed = FAILED_TEST.matcher(output);
        if (!failed.find()) {
            throw new IllegalStateException(turn.agent() + " needs the failing test's output: " + output);
        }
        return failed.group(1).strip();
    }

    private static Optional<String> read(Turn turn, String path) {
        return turn.resultOf("read_file", path);
    }
}
