package dev.samokoder.local.sfn.asl;

import dev.samokoder.local.sfn.paths.JsonPath;

import java.time.Instant;

/** Exactly one of the Wait state's Seconds, Timestamp, SecondsPath or TimestampPath. */
public sealed interface WaitDuration {

    record Seconds(long seconds) implements WaitDuration {
    }

    record Timestamp(Instant instant) implements WaitDuration {
    }

    record SecondsPath(JsonPath path) implements WaitDuration {
    }

    record TimestampPath(JsonPath path) implements WaitDuration {
    }
}
