package dev.samokoder.local.sfn.asl;

import java.util.Map;

/** A set of states with an entry point: the top level, a Parallel branch or a Map item processor. */
public record StateGraph(String startAt, Map<String, State> states) {

    public State state(String name) {
        State state = states.get(name);
        if (state == null) {
            throw new IllegalStateException("validated graph has no state " + name);
        }
        return state;
    }
}
