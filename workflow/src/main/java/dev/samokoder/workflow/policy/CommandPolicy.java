package dev.samokoder.workflow.policy;

import dev.samokoder.services.runs.artifacts.Stack;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a model may propose to run, checked before the command is stored. Commands are argv lists
 * run without a shell, so pipes and {@code &&} cannot chain; what is left to refuse is a program
 * outside the stack's allow-list, an interpreter given code inline (the way around the allow-list),
 * privilege, downloads, global installs and paths that leave the workspace. The sandbox remains the
 * real defence; this keeps the obvious out and tells the Developer why.
 */
public final class CommandPolicy {

    private static final Map<Stack, Set<String>> PROGRAMS = Map.of(
            Stack.NODE, Set.of("node", "npm", "npx", "pnpm", "yarn"),
            // the app's own virtualenv in the workspace (python3 -m venv .venv), where Debian's Python refuses installs
            Stack.PYTHON, Set.of("python3", "python", "pip", "pip3", "pytest", ".venv/bin/python", ".venv/bin/python3",
                    ".venv/bin/pip", ".venv/bin/pip3", ".venv/bin/pytest"));
    private static final Set<String> PACKAGE_MANAGERS = Set.of("npm", "pnpm", "yarn", "pip", "pip3", ".venv/bin/pip", ".venv/bin/pip3");
    private static final Set<String> INSTALL_VERBS = Set.of("install", "i", "ci", "add");
    private static final Set<String> PYTHONS = Set.of("python3", "python", ".venv/bin/python", ".venv/bin/python3");
    private static final Set<String> INLINE_CODE_FLAGS = Set.of("-e", "--eval", "-p", "--print", "-c", "--exec");
    private static final Set<String> GLOBAL_FLAGS = Set.of("-g", "--global", "--location=global", "--user", "--prefix", "--target", "--root");
    private static final Set<String> FORBIDDEN_WORDS = Set.of("sudo", "su", "doas", "curl", "wget", "sh", "bash", "zsh", "chmod", "chown");
    static final int MAX_ARGS = 30;

    /** Why the command is refused, or empty if it may be stored and run. */
    public Optional<String> refusal(Stack stack, List<String> argv) {
        if (argv.isEmpty()) {
            return Optional.of("the command is empty");
        }
        if (argv.size() > MAX_ARGS) {
            return Optional.of("the command has more than " + MAX_ARGS + " arguments");
        }
        String program = argv.getFirst();
        Set<String> allowed = PROGRAMS.get(stack);
        if (!allowed.contains(program)) {
            return Optional.of("'" + program + "' is not an allowed program for " + stack + " (allowed: "
                    + String.join(", ", allowed.stream().sorted().toList()) + ")");
        }
        for (String arg : argv) {
            String lower = arg.toLowerCase(Locale.ROOT);
            String flag = lower.contains("=") ? lower.substring(0, lower.indexOf('=')) : lower;
            if (INLINE_CODE_FLAGS.contains(flag)) {
                return Optional.of("'" + arg + "' runs code given inline; put the code in a file of the workspace");
            }
            if (GLOBAL_FLAGS.contains(flag) || lower.equals("--location=global")) {
                return Optional.of("'" + arg + "' installs outside the workspace");
            }
            for (String word : lower.split("[^a-z0-9_.-]+")) {
                if (FORBIDDEN_WORDS.contains(word)) {
                    return Optional.of("'" + word + "' is not allowed in a command (no privilege, shells or downloads)");
                }
            }
            if (lower.contains("://")) {
                return Optional.of("'" + arg + "' names a URL; downloads are not allowed (installs reach only the package registries, by package name)");
            }
            Optional<String> pathProblem = pathProblem(arg);
            if (pathProblem.isPresent()) {
                return pathProblem;
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the command installs packages, by its shape: {@code npm install|i|ci|add …}, the same with pnpm or
     * yarn (a bare {@code yarn} installs too), {@code pip install …} (any pip of the stack) and
     * {@code python -m pip install …}. Such a command runs in the execution's install phase, the one that reaches
     * the package registries.
     */
    public static boolean installs(List<String> argv) {
        if (argv.isEmpty()) {
            return false;
        }
        String program = argv.getFirst();
        List<String> words = argv.subList(1, argv.size()).stream().filter(word -> !word.startsWith("-")).toList();
        if (PYTHONS.contains(program)) {
            int module = argv.indexOf("-m");
            return module > 0 && module + 2 < argv.size() && argv.get(module + 1).equals("pip") && argv.get(module + 2).equals("install");
        }
        if (!PACKAGE_MANAGERS.contains(program)) {
            return false;
        }
        if (words.isEmpty()) {
            return program.equals("yarn");
        }
        return program.contains("pip") ? words.getFirst().equals("install") : INSTALL_VERBS.contains(words.getFirst());
    }

    // an argument, or the value of a --flag=value, must not reach outside the workspace
    private static Optional<String> pathProblem(String arg) {
        String value = arg.startsWith("-") && arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : arg;
        if (value.startsWith("/") || value.startsWith("~") || value.matches("^[A-Za-z]:[\\\\/].*")) {
            return Optional.of("'" + arg + "' is an absolute path; only paths inside the workspace are allowed");
        }
        for (String segment : value.split("[/\\\\]")) {
            if (segment.equals("..")) {
                return Optional.of("'" + arg + "' leaves the workspace ('..')");
            }
        }
        return Optional.empty();
    }
}
