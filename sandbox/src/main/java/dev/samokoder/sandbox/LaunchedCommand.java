package dev.samokoder.sandbox;

/** A started command, with the means to end everything it started and to read what limits it hit. */
public interface LaunchedCommand {

    /** The process whose exit status is the command's; its stdin is closed by the supervisor. */
    Process process();

    /** Kills the command and every process it started; returns when they are gone (or as far as it can tell). */
    void killTree();

    /** The memory and process limits it hit; the supervisor adds time and output itself. */
    default LimitsHit limitsHit() {
        return LimitsHit.NONE;
    }

    /** Frees what the launch set up (cgroups, scratch files); called once, after the tree is dead. */
    default void release() {
    }
}
