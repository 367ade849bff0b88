package dev.samokoder.sandbox;

/**
 * How a supervised command ended.
 *
 * @param stopped an outside caller (the reaper) stopped it
 */
public record CommandOutcome(int exitCode, OutputTail stdout, OutputTail stderr, long durationMillis,
                             LimitsHit limitsHit, boolean stopped) {
}
