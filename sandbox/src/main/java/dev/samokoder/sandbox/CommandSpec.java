package dev.samokoder.sandbox;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a launcher starts: the argv, the workspace folder on this machine and the working folder
 * inside it, the command's whole environment, whether it may reach the package registries, and
 * whose package cache an install uses ({@code packageCache}, the project's id; null: none), and the port of the
 * sandbox's loopback the command serves on that the platform may reach ({@code exposePort}, 0: none; see
 * {@link RunRequest#exposePort()}).
 */
public record CommandSpec(String id, List<String> argv, Path workspace, String workingDirectory,
                          Map<String, String> environment, boolean allowRegistries, String packageCache, int exposePort) {

    public CommandSpec {
        argv = List.copyOf(argv);
        environment = Map.copyOf(environment);
    }

    /** A command that exposes no port. */
    public CommandSpec(String id, List<String> argv, Path workspace, String workingDirectory, Map<String, String> environment,
                       boolean allowRegistries, String packageCache) {
        this(id, argv, workspace, workingDirectory, environment, allowRegistries, packageCache, 0);
    }

    /** A command without a package cache. */
    public CommandSpec(String id, List<String> argv, Path workspace, String workingDirectory, Map<String, String> environment,
                       boolean allowRegistries) {
        this(id, argv, workspace, workingDirectory, environment, allowRegistries, null);
    }

    public static CommandSpec of(RunRequest request, Path workspace) {
        return new CommandSpec(request.id(), request.argv(), workspace, request.workingDirectory(),
                SandboxEnvironment.of(request.environment()), request.allowRegistries(), null,
                request.exposePort() == null ? 0 : request.exposePort());
    }
}
