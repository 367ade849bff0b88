package dev.samokoder.local.sfn.asl;

import dev.samokoder.local.sfn.paths.JsonPath;

/** TimeoutSeconds / HeartbeatSeconds of a Task, either literal or read from the input by a path; nulls mean unset. */
public record TaskTimeouts(Integer timeoutSeconds, JsonPath timeoutSecondsPath,
                           Integer heartbeatSeconds, JsonPath heartbeatSecondsPath) {

    public static final TaskTimeouts NONE = new TaskTimeouts(null, null, null, null);
}
