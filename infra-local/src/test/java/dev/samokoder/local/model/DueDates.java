package dev.samokoder.local.model;

import static dev.samokoder.local.model.DemoModel.ordered;
import static dev.samokoder.local.model.DemoModel.submit;

import dev.samokoder.local.model.ScriptedModelServer.Call;
import dev.samokoder.local.model.ScriptedModelServer.Reply;
import dev.samokoder.local.model.ScriptedModelServer.Turn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo model's change request on the todo app it built: "add due dates". Every file it changes
 * it reads first, and changes with edits that quote what it read (an edit whose text is not in what
 * the read showed makes the script fail, so a run succeeds only when the reads reached it); the
 * README is edited, keeping its sections, not written again; the architecture is kept.
 */
final class DueDates {

    static final String REQUEST = DemoModel.DUE_DATES;
    private static final Pattern PATH = Pattern.compile("make the file (\\S+) what");

    /** The edits the change makes, per file: text as the app has it → text after the change. */
    private static final Map<String, List<Edit>> EDITS = Map.of(
            "src/store.js", List.of(
                    new Edit("// An in-memory todo store. Ids count up from 1; a title is required and kept trimmed.\nclass TodoStore {",
                            "// An in-memory todo store. Ids count up from 1; a title is required and kept trimmed; a due date is optional.\n"
                                    + "\n"
                                    + "// A calendar date written YYYY-MM-DD that exists (2026-02-30 does not).\n"
                                    + "function isDate(text) {\n"
                                    + "  if (typeof text !== 'string' || !/^\\d{4}-\\d{2}-\\d{2}$/.test(text)) {\n"
                                    + "    return false;\n"
                                    + "  }\n"
                                    + "  const date = new Date(`${text}T00:00:00Z`);\n"
                                    + "  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);\n"
                                    + "}\n"
                                    + "\n"
                                    + "class TodoStore {"),
                    new Edit("  add(title) {\n"
                            + "    if (typeof title !== 'string' || title.trim() === '') {\n"
                            + "      throw new TypeError('title must be a non-empty string');\n"
                            + "    }\n"
                            + "    const todo = { id: this.#nextId++, title: title.trim(), done: false };",
                            "  add(title, dueDate = null) {\n"
                                    + "    if (typeof title !== 'string' || title.trim() === '') {\n"
                                    + "      throw new TypeError('title must be a non-empty string');\n"
                                    + "    }\n"
                                    + "    if (dueDate !== null && !isDate(dueDate)) {\n"
                                    + "      throw new TypeError('dueDate must be a date written YYYY-MM-DD');\n"
                                    + "    }\n"
                                    + "    const todo = { id: this.#nextId++, title: title.trim(), done: false, ...(dueDate === null ? {} : { dueDate }) };")),
            "src/server.js", List.of(new Edit("        send(res, 201, store.add(body.title));",
                    "        send(res, 201, store.add(body.title, body.dueDate ?? null));")),
            "README.md", List.of(
                    new Edit("| POST | `/todos` | `{\"title\": \"Buy milk\"}` creates one: 201 with the todo; 400 without a title |",
                            "| POST | `/todos` | `{\"title\": \"Buy milk\", \"dueDate\": \"2026-12-24\"}` creates one (`dueDate` is optional): 201 "
                                    + "with the todo; 400 without a title, or with a `dueDate` that is not a day written YYYY-MM-DD |"),
                    new Edit("## Test\n",
                            "## Due dates\n"
                                    + "\n"
                                    + "A todo may have a due date, a day written `YYYY-MM-DD` (`\"dueDate\": \"2026-12-31\"`). The API keeps it and lists\n"
                                    + "it with the todo; a todo without one has no `dueDate` field. A date that does not exist (`2026-02-30`) is\n"
                                    + "refused with 400.\n"
                                    + "\n"
                                    + "## Test\n")));
    private static final Map<String, String> SUMMARIES = Map.of(
            "src/store.js", "TodoStore: the todos in memory (list, add with an optional due date, setDone, remove)",
            "src/server.js", "HTTP server: the /todos routes (due dates included) and the page at /; createServer for the tests",
            "test/due-dates.test.js", "tests of due dates over HTTP: kept, listed, optional, invalid ones refused");

    private DueDates() {
    }

    /** True for a turn of the change run: its prompts say so, and name the request. */
    static boolean isTheChange(Turn turn) {
        return turn.prompt().contains(REQUEST) || turn.prompt().contains("task 1 (epic: Due dates)");
    }

    static Reply answer(Turn turn) {
        return switch (turn.agent()) {
            case "SpecWriter" -> specWriter(turn);
            case "Architect" -> submit(Call.of("submit", "reason", "due dates need no dependency and no new command: the stack, the "
                    + "commands and the port stay as they are"));
            case "TechLead" -> submit(Call.of("submit", "tasks", List.of(ordered("epic", "Due dates", "title", "Todos with due dates",
                    "description", "TodoStore.add takes an optional dueDate (YYYY-MM-DD, a day that exists); POST /todos passes it on and "
                            + "answers 400 for one that is not a date; GET /todos lists it. The existing tests keep passing.",
                    "acceptanceTests", List.of("POST /todos with a dueDate answers 201 with it, and GET /todos lists it",
                            "a todo without a due date has no dueDate", "POST /todos with an invalid dueDate answers 400")))));
            case "Developer" -> developer(turn);
            case "CodeMonkey" -> codeMonkey(turn);
            case "CodeMonkeyReview" -> submit(Call.of("submit", "approved", true, "problems", List.of()));
            case "TechnicalWriter" -> technicalWriter(turn);
            default -> throw new IllegalStateException("the change has no " + turn.agent());
        };
    }

    private static Reply specWriter(Turn turn) {
        String current = turn.section("The app's specification as it is (data):").orElseThrow(() ->
                new IllegalStateException("the change's SpecWriter needs the app's spec"));
        String spec = current.replaceAll("\\n\\nAssumptions:[\\s\\S]*$", "").strip()
                + " A todo may have a due date: an optional dueDate, a day written YYYY-MM-DD; POST /todos keeps it (400 when it is not "
                + "such a day) and GET /todos lists it.";
        return submit(Call.of("submit", "spec", spec, "assumptions", List.of("a due date is a day, without a time",
                "a todo without a due date has no dueDate field, so existing clients see no change")));
    }

    private static Reply developer(Turn turn) {
        if (turn.done().isEmpty()) {
            return Reply.calls(Call.of("search", "pattern", "store\\.add\\(|add\\(title", "glob", "src/**"));
        }
        if (!turn.done().getFirst().result().contains("src/store.js") || !turn.done().getFirst().result().contains("src/server.js")) {
            throw new IllegalStateException("the change's plan needs to know where todos are added: " + turn.done().getFirst().result());
        }
        return submit(Call.of("submit", "steps", List.of(
                ordered("kind", "SAVE_FILE", "path", "src/store.js", "instructions", "TodoStore.add(title, dueDate = null): a dueDate that "
                        + "is not null must be a day written YYYY-MM-DD that exists (else a TypeError); the todo has dueDate only when given."),
                ordered("kind", "SAVE_FILE", "path", "src/server.js", "instructions", "POST /todos passes body.dueDate (null when absent) "
                        + "to store.add; the existing catch already answers 400 with the TypeError's message.", "after", List.of("src/store.js")),
                ordered("kind", "SAVE_FILE", "path", "test/due-dates.test.js", "instructions", "node:test tests over HTTP, as in "
                        + "test/api.test.js: a due date is kept and listed; a todo without one has no dueDate; invalid dates answer 400.",
                        "after", List.of("src/server.js")))));
    }

    private static Reply codeMonkey(Turn turn) {
        Matcher matcher = PATH.matcher(turn.prompt());
        if (!matcher.find()) {
            throw new IllegalStateException("CodeMonkey's prompt names no file");
        }
        String path = matcher.group(1);
        if (path.equals("test/due-dates.test.js")) {
            for (String needed : List.of("src/server.js", "test/api.test.js")) {
                if (turn.resultOf("read_file", needed).isEmpty()) {
                    return Reply.calls(Call.of("read_file", "path", needed));
                }
            }
            return Reply.calls(Call.of("write_file", "path", path, "content", file("test/due-dates.test.js")),
                    Call.of("submit", "summary", SUMMARIES.get(path)));
        }
        return edit(turn, path, SUMMARIES.get(path));
    }

    private static Reply technicalWriter(Turn turn) {
        if (turn.resultOf("read_file", "src/store.js").isEmpty()) {
            return Reply.calls(Call.of("read_file", "path", "src/store.js"));
        }
        return edit(turn, "README.md", "how to install, run and test the app, its API, and due dates");
    }

    /** Reads the file, then makes its edits, each quoting the text as the read showed it. */
    private static Reply edit(Turn turn, String path, String summary) {
        if (turn.done().stream().anyMatch(call -> call.name().equals("edit_file"))) {
            return submit(Call.of("submit", "summary", summary));
        }
        Optional<String> read = turn.resultOf("read_file", path);
        if (read.isEmpty()) {
            return Reply.calls(Call.of("read_file", "path", path));
        }
        String text = ScriptedLines.text(read.get());
        List<Call> calls = new ArrayList<>();
        for (Edit edit : EDITS.get(path)) {
            if (!text.contains(edit.before())) {
                throw new IllegalStateException(path + " as read does not hold the text to change: " + edit.before());
            }
            calls.add(Call.of("edit_file", "path", path, "old_text", edit.before(), "new_text", edit.after()));
        }
        return Reply.calls(calls.toArray(Call[]::new));
    }

    private record Edit(String before, String after) {
    }

    private static String file(String path) {
        return DemoModel.resource("/demo-app-change/" + path);
    }
}
