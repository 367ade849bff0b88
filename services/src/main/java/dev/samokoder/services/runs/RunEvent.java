package dev.samokoder.services.runs;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of a run's timeline, in order ({@code seq} from 1): what happened, for the live run
 * view. {@code data} holds a few small fields (agent, task, cost), never file contents.
 */
public record RunEvent(String runId, long seq, String type, String message, Map<String, String> data, Instant at) {

    public RunEvent {
        data = Map.copyOf(data);
    }
}
