package dev.samokoder.sandbox;

import dev.samokoder.core.domain.WorkspacePath;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One command to run in the sandbox over a workspace snapshot. Both runners take exactly this:
 * the Fargate task reads it from S3 (or its environment), the local runner from the same place.
 *
 * @param id this sandbox run's id ({@code sbx_…}); its request and result live under {@link RunStore}
 * @param runId the generation run it belongs to: the tag the reaper checks for activity
 * @param projectId the project whose workspace this is; the snapshot must be one of its own
 * @param snapshotKey the manifest to materialize ({@code snapshots/<projectId>/…}), or null for an empty workspace
 * @param command argv; with {@code shell}, exactly one element: a script for {@code /bin/sh -c}
 * @param shell whether the step asked for a shell rather than an argv
 * @param workingDirectory relative to the workspace root; empty for the root itself
 * @param environment variables added to the sandbox's own small environment (never the runner's)
 * @param timeLimitSeconds wall-clock limit; the whole process tree is killed when it passes
 * @param allowRegistries whether the command itself may reach the package registries (npm, PyPI); with an
 *                        {@code install} script the command does not need to: the install reaches them
 * @param keep which changed files are written back; null means {@link KeepRules#DEFAULTS}
 * @param install a script for {@code /bin/sh -c} run first, in the same workspace, with the package registries
 *                (locally through the egress proxy, on AWS with the CodeArtifact token) and nothing else of the
 *                network; the command runs after it only if it succeeds, with no network unless
 *                {@code allowRegistries}. Null: no install phase.
 * @param exposePort a port of the sandbox's own loopback the command serves on, made reachable from the platform
 *                   (a live preview): locally through a Unix socket of the run's scratch folder, never through a
 *                   network. Null: nothing is exposed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunRequest(String id, String runId, String projectId, String snapshotKey, List<String> command,
                         boolean shell, String workingDirectory, Map<String, String> environment,
                         int timeLimitSeconds, boolean allowRegistries, List<KeepRule> keep, String install,
                         Integer exposePort) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:-]{1,128}");
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");
    private static final int MAX_ARGS = 1_000;
    private static final int MAX_COMMAND_BYTES = 128 * 1024;
    private static final int MAX_VARIABLES = 100;

    public RunRequest {
        requireId("id", id);
        requireId("runId", runId);
        requireId("projectId", projectId);
        if (snapshotKey != null && !SnapshotStore.isKeyOf(projectId, snapshotKey)) {
            throw new IllegalArgumentException("snapshotKey must be a snapshot of project " + projectId + ", got '" + snapshotKey + "'");
        }
        command = List.copyOf(Objects.requireNonNull(command, "command"));
        if (command.isEmpty() || command.size() > MAX_ARGS) {
            throw new IllegalArgumentException("command must have 1 to " + MAX_ARGS + " elements");
        }
        if (shell && command.size() != 1) {
            throw new IllegalArgumentException("a shell command is exactly one script string");
        }
        long bytes = 0;
        for (String arg : command) {
            if (arg.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("command arguments cannot contain NUL");
            }
            bytes += arg.length();
        }
        if (bytes > MAX_COMMAND_BYTES || command.getFirst().isEmpty()) {
            throw new IllegalArgumentException("command must name a program and stay under " + MAX_COMMAND_BYTES + " bytes");
        }
        workingDirectory = workingDirectory == null || workingDirectory.equals(".") ? "" : workingDirectory;
        if (!workingDirectory.isEmpty()) {
            WorkspacePath.of(workingDirectory);
        }
        environment = environment == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(environment));
        if (environment.size() > MAX_VARIABLES) {
            throw new IllegalArgumentException("at most " + MAX_VARIABLES + " environment variables");
        }
        environment.forEach((name, value) -> {
            if (!VARIABLE.matcher(name).matches() || value == null || value.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("invalid environment variable '" + name + "'");
            }
        });
        if (timeLimitSeconds < 1) {
            throw new IllegalArgumentException("timeLimitSeconds must be at least 1");
        }
        keep = keep == null ? null : List.copyOf(keep);
        if (install != null && (install.isBlank() || install.indexOf('\0') >= 0 || install.length() > MAX_COMMAND_BYTES)) {
            throw new IllegalArgumentException("install must be a script of at most " + MAX_COMMAND_BYTES + " bytes without NUL");
        }
        if (exposePort != null && (exposePort < 1 || exposePort > 65_535)) {
            throw new IllegalArgumentException("exposePort must be a port from 1 to 65535, got " + exposePort);
        }
    }

    /** A request that exposes no port. */
    public RunRequest(String id, String runId, String projectId, String snapshotKey, List<String> command, boolean shell,
                      String workingDirectory, Map<String, String> environment, int timeLimitSeconds, boolean allowRegistries,
                      List<KeepRule> keep, String install) {
        this(id, runId, projectId, snapshotKey, command, shell, workingDirectory, environment, timeLimitSeconds, allowRegistries,
                keep, install, null);
    }

    /** A request without an install phase. */
    public RunRequest(String id, String runId, String projectId, String snapshotKey, List<String> command, boolean shell,
                      String workingDirectory, Map<String, String> environment, int timeLimitSeconds, boolean allowRegistries,
                      List<KeepRule> keep) {
        this(id, runId, projectId, snapshotKey, command, shell, workingDirectory, environment, timeLimitSeconds, allowRegistries,
                keep, null, null);
    }

    /** Whether any phase of the run reaches the package registries (what the task's network must allow). */
    public boolean reachesRegistries() {
        return allowRegistries || install != null;
    }

    /** The install phase's argv, {@code /bin/sh -c install}, when there is one. */
    public java.util.Optional<List<String>> installArgv() {
        return java.util.Optional.ofNullable(install).map(script -> List.of("/bin/sh", "-c", script));
    }

    /** The argv the sandbox executes: the command itself, or {@code /bin/sh -c script}. */
    public List<String> argv() {
        return shell ? List.of("/bin/sh", "-c", command.getFirst()) : command;
    }

    public KeepRules keepRules() {
        return keep == null ? KeepRules.DEFAULTS : new KeepRules(keep);
    }

    private static void requireId(String field, String value) {
        if (value == null || !ID.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " must be 1 to 128 letters, digits or '_.:-', got '" + value + "'");
        }
    }
}
