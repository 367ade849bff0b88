package dev.samokoder.sandbox;

import java.time.Instant;
import java.util.List;

/** One pass of the reaper: when, how many tasks it looked at, what it stopped and what it could not. */
public record ReapReport(Instant at, int running, List<ReapedTask> stopped, List<String> failures) {

    public ReapReport {
        stopped = List.copyOf(stopped);
        failures = List.copyOf(failures);
    }
}
