package dev.samokoder.sandbox;

/**
 * Which limits stopped or constrained a command.
 *
 * @param time the wall-clock limit passed and the process tree was killed
 * @param memory the kernel killed a process for exceeding the memory limit
 * @param output the command wrote more than the output limit and was killed
 * @param processes a fork was refused because the process limit was reached
 */
public record LimitsHit(boolean time, boolean memory, boolean output, boolean processes) {

    public static final LimitsHit NONE = new LimitsHit(false, false, false, false);

    public boolean any() {
        return time || memory || output || processes;
    }
}
