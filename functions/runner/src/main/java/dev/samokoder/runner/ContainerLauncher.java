package dev.samokoder.runner;

import dev.samokoder.sandbox.CommandLauncher;
import dev.samokoder.sandbox.CommandSpec;
import dev.samokoder.sandbox.LaunchedCommand;
import dev.samokoder.sandbox.LimitsHit;
import java.io.IOException;

/**
 * The plain launcher, plus what the container's cgroup saw while the command ran: an OOM kill or a
 * refused fork during the run is reported as the memory or process limit.
 */
final class ContainerLauncher implements CommandLauncher {

    private final CommandLauncher direct;
    private final ContainerCgroupCounters counters;

    ContainerLauncher(CommandLauncher direct, ContainerCgroupCounters counters) {
        this.direct = direct;
        this.counters = counters;
    }

    @Override
    public LaunchedCommand launch(CommandSpec spec) throws IOException {
        long oomBefore = counters.oomKills();
        long forksBefore = counters.refusedForks();
        LaunchedCommand launched = direct.launch(spec);
        return new LaunchedCommand() {
            @Override
            public Process process() {
                return launched.process();
            }

            @Override
            public void killTree() {
                launched.killTree();
            }

            @Override
            public LimitsHit limitsHit() {
                return new LimitsHit(false, counters.oomKills() > oomBefore, false, counters.refusedForks() > forksBefore);
            }

            @Override
            public void release() {
                launched.release();
            }
        };
    }
}
