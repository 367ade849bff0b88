package dev.samokoder.runner;

import dev.samokoder.sandbox.CommandSpec;
import dev.samokoder.sandbox.DirectLauncher;
import dev.samokoder.sandbox.LaunchedCommand;
import dev.samokoder.sandbox.SandboxEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The container's OOM and fork counters, read before and after a command, from files laid out as cgroupfs has them. */
class ContainerLauncherIT {

    @TempDir
    Path cgroup;

    @Test
    void anOomKillOrARefusedForkDuringTheCommandIsReported_earlierOnesAreNot() throws Exception {
        // given: the container had one OOM kill before this run
        Path memoryEvents = Files.writeString(cgroup.resolve("memory.events"), "oom 1\noom_kill 1\n");
        Path pidsEvents = Files.writeString(cgroup.resolve("pids.events"), "max 0\n");
        ContainerLauncher launcher = new ContainerLauncher(DirectLauncher.unsandboxed(),
                new ContainerCgroupCounters(memoryEvents, "oom_kill", pidsEvents));
        CommandSpec spec = new CommandSpec("t", List.of("/bin/true"), cgroup, "", SandboxEnvironment.of(Map.of()), false);

        // when
        LaunchedCommand command = launcher.launch(spec);
        command.process().waitFor();
        var before = command.limitsHit();
        Files.writeString(memoryEvents, "oom 2\noom_kill 2\n");
        Files.writeString(pidsEvents, "max 3\n");
        var after = command.limitsHit();

        // then
        assertThat(before.memory()).isFalse();
        assertThat(before.processes()).isFalse();
        assertThat(after.memory()).isTrue();
        assertThat(after.processes()).isTrue();
    }
}
