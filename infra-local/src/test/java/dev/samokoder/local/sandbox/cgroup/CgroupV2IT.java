package dev.samokoder.local.sandbox.cgroup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cgroup v2 driver against a folder laid out like cgroupfs. This machine runs cgroup v1, so the
 * kernel side of v2 (enforcement) is covered where v2 runs; here: what is written where, what is
 * read back, and that killing goes through every listed process.
 */
class CgroupV2IT {

    @TempDir
    Path base;

    @Test
    void aRunCgroupGetsItsLimits_reportsWhatItHit_andKillsItsProcesses() throws Exception {
        // given
        CgroupV2 driver = new CgroupV2(base);
        driver.prepare();
        Process victim = new ProcessBuilder("/bin/sleep", "60").start();

        // when
        RunCgroup run = driver.create("run-1", SandboxLimits.ofMegabytes(256, 500, 64));
        run.add(victim.pid());
        Path folder = base.resolve(ProcessHandle.current().pid() + "/run-1");
        Files.writeString(folder.resolve("memory.events"), "low 0\nhigh 0\nmax 12\noom 1\noom_kill 1\n");
        Files.writeString(folder.resolve("pids.events"), "max 0\n");
        var hit = run.limitsHit();
        run.killAll();

        // then
        assertThat(Files.readString(folder.resolve("memory.max"))).isEqualTo(String.valueOf(256L * 1024 * 1024));
        assertThat(Files.readString(folder.resolve("cpu.max"))).isEqualTo("50000 100000");
        assertThat(Files.readString(folder.resolve("pids.max"))).isEqualTo("64");
        assertThat(Files.readString(folder.resolve("cgroup.procs"))).isEqualTo(String.valueOf(victim.pid()));
        assertThat(Files.readString(base.resolve(ProcessHandle.current().pid() + "/cgroup.subtree_control"))).isEqualTo("+memory +pids +cpu");
        assertThat(hit.memory()).isTrue();
        assertThat(hit.processes()).isFalse();
        assertThat(victim.waitFor()).isEqualTo(137);
    }

    @Test
    void cgroupsLeftByAPlatformProcessThatIsGoneAreRemoved() throws Exception {
        // given: a folder named after a pid that cannot be alive
        Files.createDirectories(base.resolve("999999999/run-old"));
        Files.createDirectories(base.resolve(ProcessHandle.current().pid() + "/run-mine"));

        // when
        new CgroupV2(base).removeStale();

        // then
        assertThat(base.resolve("999999999")).doesNotExist();
        assertThat(base.resolve(ProcessHandle.current().pid() + "/run-mine")).isDirectory();
    }
}
