package dev.samokoder.local.sandbox;

import dev.samokoder.core.config.ConfigException;
import dev.samokoder.core.config.SamokoderConfig;
import dev.samokoder.core.domain.Ids;
import dev.samokoder.core.http.Json;
import dev.samokoder.sandbox.CollectedChanges;
import dev.samokoder.sandbox.CommandOutcome;
import dev.samokoder.sandbox.CommandSpec;
import dev.samokoder.sandbox.KeepRules;
import dev.samokoder.sandbox.ProcessSupervisor;
import dev.samokoder.sandbox.RunRequest;
import dev.samokoder.sandbox.RunResult;
import dev.samokoder.sandbox.SandboxLaunchException;
import dev.samokoder.sandbox.Signals;
import dev.samokoder.sandbox.SnapshotManifest;
import dev.samokoder.sandbox.SupervisedRun;
import dev.samokoder.sandbox.WorkspaceChanges;
import dev.samokoder.sandbox.WorkspaceScanner;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code scripts/sandbox-run <dir> [--timeout S] [--memory MB] [--allow-registries] -- <command...>}:
 * runs a command in the local sandbox over a copy of a folder (the folder itself is never
 * touched) and prints the result as JSON: exit code, signal, limits hit, output tails and the
 * files the command changed (with the platform's default keep/drop rules).
 */
public final class SandboxRunMain {

    static final String USAGE = "usage: scripts/sandbox-run <dir> [--timeout SECONDS] [--memory MB] [--allow-registries] -- <command...>";

    record Options(Path dir, int timeoutSeconds, Integer memoryMb, boolean allowRegistries, List<String> command) {
    }

    private SandboxRunMain() {
    }

    public static void main(String[] args) {
        PrintStream err = System.err;
        Options options;
        SamokoderConfig.Sandbox settings;
        try {
            options = parse(args);
            settings = SamokoderConfig.fromEnv().sandbox();
        } catch (IllegalArgumentException | ConfigException e) {
            err.println("sandbox-run: " + e.getMessage());
            err.println(USAGE);
            System.exit(2);
            return;
        }
        if (options.memoryMb() != null) {
            settings = settings.withMemoryMb(options.memoryMb());
        }
        SandboxScratch scratch = SandboxScratch.open(settings.dir());
        try {
            System.out.println(toJson(run(options, settings, scratch)));
        } catch (SandboxUnavailableException | SandboxLaunchException e) {
            err.println("sandbox-run: " + e.getMessage());
            System.exit(3);
        } catch (Exception e) {
            err.println("sandbox-run: " + e);
            System.exit(1);
        } finally {
            scratch.close();
        }
    }

    static RunResult run(Options options, SamokoderConfig.Sandbox settings, SandboxScratch scratch) throws SandboxUnavailableException {
        String id = Ids.newId("sbx");
        RunRequest request = new RunRequest(id, "sandbox-run", "local", null, options.command(), false, "", Map.of(),
                options.timeoutSeconds(), options.allowRegistries(), null);
        LocalIsolation isolation = LocalIsolation.resolve(settings, scratch);
        var launcher = isolation.launcher();
        SandboxScratch.RunFolder folder = scratch.create(id);
        try {
            DirectoryCopy.copy(options.dir(), folder.workspace());
            SnapshotManifest before = WorkspaceScanner.manifestOf(folder.workspace());
            SupervisedRun running = new ProcessSupervisor(settings.outputTailBytes(), settings.outputLimitBytes())
                    .start(launcher, CommandSpec.of(request, folder.workspace()), Duration.ofSeconds(options.timeoutSeconds()));
            Runtime.getRuntime().addShutdownHook(new Thread(running::stop, "sandbox-run-stop"));
            CommandOutcome outcome = running.await();
            CollectedChanges changes = WorkspaceChanges.describe(before, folder.workspace(), KeepRules.DEFAULTS, Long.MAX_VALUE);
            return new RunResult(id, request.runId(), request.projectId(), outcome.exitCode(), Signals.fromExitCode(outcome.exitCode()),
                    outcome.stdout(), outcome.stderr(), outcome.durationMillis(), outcome.limitsHit(), outcome.stopped(), null,
                    changes.changes(), changes.dropped());
        } finally {
            scratch.delete(folder);
            isolation.close();
        }
    }

    /** The result as printed: every field there, {@code "signal": null} included when the command exited by itself. */
    static String toJson(RunResult result) throws JsonProcessingException {
        ObjectNode json = Json.mapper().valueToTree(result);
        if (!json.has("signal")) {
            json.putNull("signal");
        }
        return Json.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json);
    }

    static Options parse(String[] args) {
        Path dir = null;
        int timeout = 60;
        Integer memory = null;
        boolean registries = false;
        int i = 0;
        for (; i < args.length && !args[i].equals("--"); i++) {
            switch (args[i]) {
                case "--timeout" -> timeout = positive(args, ++i, "--timeout");
                case "--memory" -> memory = positive(args, ++i, "--memory");
                case "--allow-registries" -> registries = true;
                default -> {
                    if (args[i].startsWith("--") || dir != null) {
                        throw new IllegalArgumentException("unexpected argument '" + args[i] + "' (give the command after --)");
                    }
                    dir = Path.of(args[i]).toAbsolutePath().normalize();
                }
            }
        }
        List<String> command = i < args.length ? new ArrayList<>(List.of(args).subList(i + 1, args.length)) : List.of();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir == null ? "name the folder to copy into the sandbox" : dir + " is not a folder");
        }
        if (command.isEmpty()) {
            throw new IllegalArgumentException("give the command after --");
        }
        return new Options(dir, timeout, memory, registries, command);
    }

    private static int positive(String[] args, int index, String flag) {
        try {
            int value = Integer.parseInt(index < args.length ? args[index] : "");
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(flag + " needs a positive whole number");
    }
}
