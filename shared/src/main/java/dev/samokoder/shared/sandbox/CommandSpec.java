package dev.samokoder.shared.sandbox;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a launcher starts: the argv, the workspace folder on this machine and the working folder
 * inside it, the command's whole environment, and whether it may reach the package registries.
 */
public record CommandSpec(String id, List<String> argv, Path workspace, String workingDirectory,
                          Map<String, String> environment, boolean allowRegistries) {

    public CommandSpec {
        argv = List.copyOf(argv);
        environment = Map.copyOf(environment);
    }

    public static CommandSpec of(RunRequest request, Path workspace) {
        return new CommandSpec(request.id(), request.argv(), workspace, request.workingDirectory(),
                SandboxEnvironment.of(request.environment()), request.allowRegistries());
    }
}
