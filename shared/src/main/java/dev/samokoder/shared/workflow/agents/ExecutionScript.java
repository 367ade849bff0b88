package dev.samokoder.shared.workflow.agents;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shell script one sandbox run executes for a task: each command (already checked by the
 * policy, as an argv) quoted so the shell sees exactly those words, run in order, stopping at the
 * first failure. Before each command the script writes a marker line to stderr, and on a failure
 * one more, so the judge can tell which command failed from the output's tail (which always keeps
 * the end). A command that forges a marker only misleads the judge about its own kind of failure.
 */
public final class ExecutionScript {

    /** One command of the script; {@code label} is {@code install}, {@code command} or {@code tests}. */
    public record Command(String label, List<String> argv) {
        public Command {
            argv = List.copyOf(argv);
        }
    }

    /** Where a failed script stopped: the command (numbered from 1) and its label. */
    public record Stop(int number, int count, String label, String command) {
    }

    public static final String TESTS = "tests";
    public static final String INSTALL = "install";
    public static final String COMMAND = "command";

    private static final Pattern STARTED = Pattern.compile("\\[samokoder] step (\\d+)/(\\d+) \\((\\w+)\\): ([^\\n]*)");

    private ExecutionScript() {
    }

    public static String of(List<Command> commands) {
        return of(commands, 1, commands.size());
    }

    /**
     * The script of commands {@code first}..{@code first + commands.size() - 1} of {@code count}: a part of an
     * execution whose commands run in two scripts (the install, then the rest), numbered as one.
     */
    public static String of(List<Command> commands, int first, int count) {
        if (commands.isEmpty()) {
            throw new IllegalArgumentException("an execution runs at least one command");
        }
        if (first < 1 || first + commands.size() - 1 > count) {
            throw new IllegalArgumentException("commands " + first + ".." + (first + commands.size() - 1) + " are not within 1.." + count);
        }
        StringBuilder script = new StringBuilder("set -u\n")
                .append("failed() { printf '\\n[samokoder] FAILED step %s (%s) exit %s\\n' \"$1\" \"$2\" \"$3\" >&2; exit \"$3\"; }\n");
        for (int i = 0; i < commands.size(); i++) {
            Command command = commands.get(i);
            String step = (first + i) + "/" + count;
            String words = String.join(" ", command.argv().stream().map(ExecutionScript::quote).toList());
            script.append("printf '\\n[samokoder] step ").append(step).append(" (").append(command.label()).append("): %s\\n' ")
                    .append(quote(String.join(" ", command.argv()))).append(" >&2\n")
                    .append(words).append(" || failed ").append(step).append(' ').append(command.label()).append(" $?\n");
        }
        return script.toString();
    }

    /** The command the script was on when it ended, from the last marker in the stderr tail. */
    public static Optional<Stop> lastStarted(String stderrTail) {
        Matcher matcher = STARTED.matcher(stderrTail);
        Stop last = null;
        while (matcher.find()) {
            last = new Stop(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)), matcher.group(3), matcher.group(4));
        }
        return Optional.ofNullable(last);
    }

    /** POSIX single quotes: everything literal, a quote itself closed, escaped and reopened. */
    static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
