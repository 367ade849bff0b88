package dev.samokoder.local.sandbox.cgroup;

import dev.samokoder.sandbox.LimitsHit;

/** The cgroup (v2) or set of cgroups (v1, one per controller) of one sandbox run. */
public interface RunCgroup {

    /** Moves a process (and so everything it will start) into the cgroup. */
    void add(long pid);

    /** Kills every process in the cgroup and returns once it is empty (or after a few seconds of trying). */
    void killAll();

    /** Whether the kernel killed a process for memory, or refused a fork for the process limit. */
    LimitsHit limitsHit();

    /** Removes the (empty) cgroup. */
    void remove();
}
