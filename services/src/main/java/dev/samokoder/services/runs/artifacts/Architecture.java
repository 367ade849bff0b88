package dev.samokoder.services.runs.artifacts;

import dev.samokoder.sandbox.ExecutionScript;
import java.util.List;
import java.util.Objects;

/**
 * How the app is installed, built, tested and run, as one version of the run's architecture.
 * Commands are argv lists (program first), never shell strings, so the policy and the sandbox see
 * exactly what runs. The Architect writes version 1; a fixer may propose the next (a missing
 * dependency, a wrong test command), each version with its reason.
 *
 * @param installSteps the steps that prepare the workspace, in order; each says whether it is an
 *                     install (only installs may reach the package registries)
 * @param buildCommand what builds the app before its tests run; empty when nothing needs building
 * @param port         the port the started app serves on
 * @param probePath    the path that answers once the started app is up (for a start check, a preview)
 */
public record Architecture(int version, String reason, String appType, Stack stack, List<InstallStep> installSteps,
                           List<String> buildCommand, List<String> testCommand, List<String> startCommand, int port, String probePath,
                           List<String> systemDependencies, List<String> packageDependencies) {

    public static final int DEFAULT_PORT = 3000;
    public static final String DEFAULT_PROBE_PATH = "/";

    public Architecture {
        Objects.requireNonNull(reason, "reason");
        installSteps = List.copyOf(installSteps);
        buildCommand = List.copyOf(buildCommand);
        testCommand = List.copyOf(testCommand);
        startCommand = List.copyOf(startCommand);
        systemDependencies = List.copyOf(systemDependencies);
        packageDependencies = List.copyOf(packageDependencies);
        if (version < 1) {
            throw new IllegalArgumentException("architecture versions count from 1, got " + version);
        }
    }

    /** One step of preparing the workspace: a command, and whether it installs packages (and so may reach the registries). */
    public record InstallStep(List<String> argv, boolean install) {

        public InstallStep {
            argv = List.copyOf(argv);
        }

        /** This step as a command of an execution's script, labelled by whether it installs. */
        public ExecutionScript.Command command() {
            return new ExecutionScript.Command(install ? ExecutionScript.INSTALL : ExecutionScript.COMMAND, argv);
        }
    }

    /** True when some step installs packages: the execution may reach the package registries. */
    public boolean installs() {
        return installSteps.stream().anyMatch(InstallStep::install);
    }

    /** The steps up to the last one that installs: they run first, with the package registries (and nothing else). */
    public List<InstallStep> registryPhase() {
        return installSteps.subList(0, registryPhaseEnd());
    }

    /** The steps after the last install: they run with no network, before the build, tests or start. */
    public List<InstallStep> afterInstalls() {
        return installSteps.subList(registryPhaseEnd(), installSteps.size());
    }

    private int registryPhaseEnd() {
        return installSteps.stream().map(InstallStep::install).toList().lastIndexOf(true) + 1;
    }

    /** The next version: these changes, for this reason; the stack and app type stay. */
    public Architecture next(String why, List<InstallStep> steps, List<String> build, List<String> test, List<String> start, int newPort,
                             String newProbePath, List<String> system, List<String> packages) {
        return new Architecture(version + 1, why, appType, stack, steps, build, test, start, newPort, newProbePath, system, packages);
    }

    /** This architecture as version 1 of another run, for this reason (a change request starts from the app's). */
    public Architecture asFirstVersion(String why) {
        return new Architecture(1, why, appType, stack, installSteps, buildCommand, testCommand, startCommand, port, probePath,
                systemDependencies, packageDependencies);
    }
}
