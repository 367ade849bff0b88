package dev.samokoder.sandbox;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The shell script one sandbox run executes for a task: each command (already checked by the
 * policy, as an argv) quoted so the shell sees exactly those words, run in order, stopping at the
 * first failure. Before each command the script writes a marker line to stderr, and on a failure
 * one more, so the judge can tell which command failed from the output's tail (which always keeps
 * the end). A command that forges a marker only misleads the judge about its own kind of failure.
 */
public final class ExecutionScript {

    /**
     * One command of the script; {@code label} is {@code install}, {@code command}, {@code tests} or {@code start}
     * (the app started in the background and probed, {@link #start}).
     */
    public record Command(String label, List<String> argv, Optional<Probe> probe) {
        public Command {
            argv = List.copyOf(argv);
        }

        public Command(String label, List<String> argv) {
            this(label, argv, Optional.empty());
        }
    }

    /**
     * How the started app is probed: an HTTP GET of {@code path} on 127.0.0.1:{@code port} (the app gets {@code PORT}),
     * by {@code node} or {@code python3} (whichever the stack has), every 200 ms for at most {@code seconds}; any
     * answer below 500 means it is up.
     */
    public record Probe(int port, String path, boolean python, int seconds) {
    }

    /**
     * The app's start command as the script's last, in the foreground until the run is stopped (a live preview): the
     * shell is replaced by it, so it gets the run's signals and its exit code is the run's.
     */
    public static Command serve(List<String> argv) {
        return new Command(SERVE, argv);
    }

    /** The app's start command, started and probed; then stopped. */
    public static Command start(List<String> argv, Probe probe) {
        return new Command(START, argv, Optional.of(probe));
    }

    /** Where a failed script stopped: the command (numbered from 1) and its label. */
    public record Stop(int number, int count, String label, String command) {
    }

    public static final String TESTS = "tests";
    public static final String INSTALL = "install";
    public static final String COMMAND = "command";
    public static final String START = "start";
    public static final String SERVE = "serve";
    /** Where the started app's output goes; its tail is shown when it does not answer. */
    static final String APP_LOG = "/tmp/samokoder-app.log";

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
                    .append(quote(String.join(" ", command.argv()))).append(" >&2\n");
            if (command.label().equals(SERVE)) {
                if (i != commands.size() - 1) {
                    throw new IllegalArgumentException("the served app is the script's last command");
                }
                script.append("exec ").append(words).append('\n');
            } else if (command.probe().isPresent()) {
                script.append(startAndProbe(words, step, command.probe().get()));
            } else {
                script.append(words).append(" || failed ").append(step).append(' ').append(command.label()).append(" $?\n");
            }
        }
        return script.toString();
    }

    /**
     * Starts the app in the background with {@code PORT} set, asks it for the probe path until it answers or the time
     * is up or it exits, then stops it. A failure shows the app's last output lines and says what was asked.
     */
    private static String startAndProbe(String words, String step, Probe probe) {
        String url = "http://127.0.0.1:" + probe.port() + probe.path();
        String ask = probe.python()
                ? "python3 -c " + quote("import sys, urllib.request, urllib.error\n"
                        + "try:\n    urllib.request.urlopen(sys.argv[1], timeout=2)\nexcept urllib.error.HTTPError as e:\n"
                        + "    sys.exit(0 if e.code < 500 else 1)\nexcept Exception:\n    sys.exit(1)") + " " + quote(url)
                : "node -e " + quote("require('http').get(process.argv[1], r => process.exit(r.statusCode < 500 ? 0 : 1))"
                        + ".on('error', () => process.exit(1)).setTimeout(2000, () => process.exit(1))") + " " + quote(url);
        int tries = probe.seconds() * 5;
        String said = "the app did not answer GET " + probe.path() + " on port " + probe.port();
        return "PORT=" + probe.port() + " " + words + " > " + APP_LOG + " 2>&1 &\n"
                + "app=$!\n"
                + "i=0\n"
                + "until " + ask + " 2>/dev/null; do\n"
                + "  i=$((i+1))\n"
                + "  if ! kill -0 $app 2>/dev/null; then wait $app; code=$?; printf '[samokoder] %s: it exited with code %s before it answered; its last output:\\n' "
                + quote(said) + " $code >&2; tail -n 40 " + APP_LOG + " >&2; failed " + step + " " + START + " $(( code == 0 ? 1 : code ))\n"
                + "  elif [ $i -ge " + tries + " ]; then printf '[samokoder] %s within " + probe.seconds() + " s; its last output:\\n' "
                + quote(said) + " >&2; tail -n 40 " + APP_LOG + " >&2; kill $app 2>/dev/null; failed " + step + " " + START + " 1\n"
                + "  fi\n"
                + "  sleep 0.2\n"
                + "done\n"
                + "printf '[samokoder] the app answered GET %s on port %s\\n' " + quote(probe.path()) + " " + probe.port() + " >&2\n"
                + "kill $app 2>/dev/null; wait $app 2>/dev/null || true\n";
    }

    /** The last command of that label the script started, from the markers in the stderr tail. */
    public static Optional<Stop> lastStarted(String stderrTail, String label) {
        return started(stderrTail).filter(stop -> stop.label().equals(label)).reduce((first, second) -> second);
    }

    /** The command the script was on when it ended, from the last marker in the stderr tail. */
    public static Optional<Stop> lastStarted(String stderrTail) {
        return started(stderrTail).reduce((first, second) -> second);
    }

    private static java.util.stream.Stream<Stop> started(String stderrTail) {
        return STARTED.matcher(stderrTail).results().map(match -> new Stop(Integer.parseInt(match.group(1)),
                Integer.parseInt(match.group(2)), match.group(3), match.group(4)));
    }

    /** POSIX single quotes: everything literal, a quote itself closed, escaped and reopened. */
    static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
