package dev.samokoder.local.sandbox;

import dev.samokoder.local.sandbox.cgroup.CgroupDriver;
import dev.samokoder.local.sandbox.cgroup.RunCgroup;
import dev.samokoder.local.sandbox.cgroup.SandboxLimits;
import dev.samokoder.sandbox.CommandSpec;
import dev.samokoder.sandbox.LimitsHit;
import dev.samokoder.sandbox.ProcessSupervisor;
import dev.samokoder.sandbox.SandboxEnvironment;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The launcher's own bookkeeping around a real bubblewrap, with a cgroup driver that only records. */
class BubblewrapLauncherIT {

    /** Records the cgroups asked for; none is ever removed, as when a removal is still under way. */
    private static final class RecordingCgroups implements CgroupDriver {
        final List<String> created = new CopyOnWriteArrayList<>();

        @Override
        public RunCgroup create(String name, SandboxLimits limits) {
            created.add(name);
            return new RunCgroup() {
                @Override
                public void add(long pid) {
                }

                @Override
                public void killAll() {
                }

                @Override
                public LimitsHit limitsHit() {
                    return LimitsHit.NONE;
                }

                @Override
                public void remove() {
                }
            };
        }

        @Override
        public void removeStale() {
        }

        @Override
        public void removeOwn() {
        }

        @Override
        public String describe() {
            return "recording";
        }
    }

    @Test
    void theSameSpecRunTwiceGetsACgroupOfItsOwnEachTime() throws Exception {
        // given: one spec run twice in a row, as the self-test and the benchmark do (the first run's cgroup may still
        // be on its way out when the second starts: cgroup v2 refuses to make a folder that exists)
        SandboxIdentity identity = SandboxIdentity.forThisProcess(SandboxFixture.settings().uid());
        RecordingCgroups cgroups = new RecordingCgroups();
        BubblewrapLauncher launcher = new BubblewrapLauncher(BubblewrapInstallation.find(identity.dropFromRoot()), cgroups,
                SandboxLimits.ofMegabytes(256, 1000, 64), identity, HostLayout.ofThisMachine(), java.util.Set.of(), Map.of(),
                new PackageCaches(SandboxScratch.root(Optional.empty()), identity), request -> { });
        SandboxScratch scratch = SandboxScratch.open(Optional.empty());
        try {
            SandboxScratch.RunFolder folder = scratch.create("twice-" + System.nanoTime());
            CommandSpec spec = new CommandSpec("same", List.of("/bin/true"), folder.workspace(), "", SandboxEnvironment.of(Map.of()), false);

            // when
            for (int i = 0; i < 2; i++) {
                assertThat(new ProcessSupervisor(1024, 1024).start(launcher, spec, Duration.ofSeconds(30)).await().exitCode()).isZero();
            }

            // then
            assertThat(cgroups.created).hasSize(2).doesNotHaveDuplicates().allMatch(name -> name.startsWith("same-"));
        } finally {
            scratch.close();
        }
    }
}
