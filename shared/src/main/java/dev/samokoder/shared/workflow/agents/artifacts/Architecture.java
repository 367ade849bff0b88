package dev.samokoder.shared.workflow.agents.artifacts;

import java.util.List;

/**
 * How the app is built and run. Commands are argv lists (program first), never shell strings, so
 * the policy and the sandbox see exactly what runs.
 */
public record Architecture(String appType, Stack stack, List<String> installCommand, List<String> testCommand,
                           List<String> startCommand, List<String> systemDependencies, List<String> packageDependencies) {

    public Architecture {
        installCommand = List.copyOf(installCommand);
        testCommand = List.copyOf(testCommand);
        startCommand = List.copyOf(startCommand);
        systemDependencies = List.copyOf(systemDependencies);
        packageDependencies = List.copyOf(packageDependencies);
    }
}
