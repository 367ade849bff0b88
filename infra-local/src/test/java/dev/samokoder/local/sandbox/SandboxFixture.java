package dev.samokoder.local.sandbox;

import dev.samokoder.core.config.SamokoderConfig;
import dev.samokoder.sandbox.CommandOutcome;
import dev.samokoder.sandbox.CommandSpec;
import dev.samokoder.sandbox.ProcessSupervisor;
import dev.samokoder.sandbox.SandboxEnvironment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.awaitility.Awaitility.await;

/**
 * The real local sandbox for tests: bubblewrap in cgroups, with small limits so that hitting them
 * is quick. A machine without bubblewrap or cgroups fails these tests with the message that says
 * what to install (scripts/test installs bubblewrap itself on CI).
 */
final class SandboxFixture implements AutoCloseable {

    static final int MEMORY_MB = 192;
    static final int MAX_PROCESSES = 64;
    static final int TAIL_BYTES = 8 * 1024;
    static final long OUTPUT_LIMIT_BYTES = 4L * 1024 * 1024;
    private static final AtomicInteger RUNS = new AtomicInteger();

    final SamokoderConfig.Sandbox settings;
    final SandboxScratch scratch;
    final BubblewrapLauncher launcher;

    SandboxFixture() throws SandboxUnavailableException {
        this.settings = settings();
        this.scratch = SandboxScratch.open(Optional.empty());
        this.launcher = LocalIsolation.bubblewrap(settings);
    }

    static SamokoderConfig.Sandbox settings() {
        return SamokoderConfig.fromEnv(Map.of(
                "SAMOKODER_SANDBOX_MEMORY_MB", String.valueOf(MEMORY_MB),
                "SAMOKODER_SANDBOX_MAX_PROCESSES", String.valueOf(MAX_PROCESSES),
                "SAMOKODER_SANDBOX_OUTPUT_TAIL_BYTES", String.valueOf(TAIL_BYTES),
                "SAMOKODER_SANDBOX_OUTPUT_LIMIT_BYTES", String.valueOf(OUTPUT_LIMIT_BYTES))).sandbox();
    }

    /** Runs a shell script in a fresh sandbox whose workspace {@code prepare} filled first. */
    CommandOutcome run(Duration limit, boolean allowRegistries, Consumer<Path> prepare, String script) {
        SandboxScratch.RunFolder folder = scratch.create("test-" + RUNS.incrementAndGet());
        try {
            prepare.accept(folder.workspace());
            CommandSpec spec = new CommandSpec(folder.folder().getFileName().toString(), List.of("/bin/sh", "-c", script),
                    folder.workspace(), "", SandboxEnvironment.of(Map.of()), allowRegistries);
            return new ProcessSupervisor(TAIL_BYTES, OUTPUT_LIMIT_BYTES).start(launcher, spec, limit).await();
        } finally {
            scratch.delete(folder);
        }
    }

    /**
     * Runs a script as an install: allowed the registries, with {@code project}'s package cache, telling {@code egress}
     * about every request its proxy answers.
     */
    CommandOutcome install(Consumer<Path> prepare, String script, String project, Consumer<EgressProxy.Request> egress) {
        SandboxScratch.RunFolder folder = scratch.create("test-" + RUNS.incrementAndGet());
        try {
            prepare.accept(folder.workspace());
            CommandSpec spec = new CommandSpec(folder.folder().getFileName().toString(), List.of("/bin/sh", "-c", script),
                    folder.workspace(), "", SandboxEnvironment.of(Map.of()), true, project);
            return new ProcessSupervisor(TAIL_BYTES, OUTPUT_LIMIT_BYTES).start(launcher.withEgressLog(egress), spec, Duration.ofSeconds(180))
                    .await();
        } finally {
            scratch.delete(folder);
        }
    }

    CommandOutcome run(String script) {
        return run(Duration.ofSeconds(20), false, workspace -> { }, script);
    }

    /** Waits a little (exits take a moment) until no sandbox process of this JVM is left; fails naming those that are. */
    static void awaitNoProcessLeft() {
        await("no sandbox process of this JVM is left").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> ProcessHandle.current().descendants().filter(SandboxFixture::isSandboxProcess)
                        .map(process -> process.pid() + " " + process.info().commandLine().orElse("?")).toList(), List::isEmpty);
    }

    /** bubblewrap itself, or anything running as another user than the tests (the sandbox's uid, when they run as root). */
    private static boolean isSandboxProcess(ProcessHandle process) {
        ProcessHandle.Info info = process.info();
        return process.isAlive() && (info.command().map(command -> command.endsWith("/bwrap")).orElse(false)
                || info.user().map(user -> !user.equals(System.getProperty("user.name"))).orElse(false));
    }

    @Override
    public void close() {
        launcher.close();
        scratch.close();
    }
}
