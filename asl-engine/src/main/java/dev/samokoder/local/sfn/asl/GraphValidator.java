package dev.samokoder.local.sfn.asl;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks one graph: StartAt and every transition name a state of the same graph, and every state is reachable.
 * Reachability follows the transitions written in the JSON, so a state that did not load (an unknown type,
 * a malformed choice rule) does not make the states after it look unreachable too.
 */
final class GraphValidator {

    private GraphValidator() {
    }

    static void check(StateGraph graph, JsonNode statesNode, String location, ProblemCollector problems) {
        List<String> declaredStates = new ArrayList<>();
        statesNode.fieldNames().forEachRemaining(declaredStates::add);
        if (graph.startAt() != null && !declaredStates.contains(graph.startAt())) {
            problems.add(location, null, "StartAt", "StartAt refers to a state that does not exist: '" + graph.startAt() + "'");
        }
        for (State state : graph.states().values()) {
            for (Transition transition : transitions(state)) {
                if (transition.target() != null && !declaredStates.contains(transition.target())) {
                    problems.add(location + "/States/" + state.name(), state.name(), transition.field(),
                            "refers to a state that does not exist in this scope: '" + transition.target() + "'");
                }
            }
        }
        if (graph.startAt() == null || !declaredStates.contains(graph.startAt())) {
            return;
        }
        Set<String> reachable = reachableFrom(graph.startAt(), statesNode);
        for (String name : declaredStates) {
            if (!reachable.contains(name) && graph.states().containsKey(name)) {
                problems.add(location + "/States/" + name, name, null, "state is unreachable from StartAt '" + graph.startAt() + "'");
            }
        }
    }

    private static Set<String> reachableFrom(String startAt, JsonNode statesNode) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>();
        pending.add(startAt);
        while (!pending.isEmpty()) {
            String name = pending.poll();
            JsonNode state = statesNode.get(name);
            if (state == null || !seen.add(name)) {
                continue;
            }
            pending.addAll(writtenTransitions(state));
        }
        return seen;
    }

    /** Every state name a state object's Next, Default, Choices[].Next and Catch[].Next mention. */
    private static List<String> writtenTransitions(JsonNode state) {
        List<String> targets = new ArrayList<>();
        addText(state.get("Next"), targets);
        addText(state.get("Default"), targets);
        for (String list : List.of("Choices", "Catch")) {
            JsonNode elements = state.get(list);
            if (elements != null && elements.isArray()) {
                elements.forEach(element -> addText(element.get("Next"), targets));
            }
        }
        return targets;
    }

    private static void addText(JsonNode node, List<String> into) {
        if (node != null && node.isTextual()) {
            into.add(node.textValue());
        }
    }

    private record Transition(String field, String target) {
    }

    private static List<Transition> transitions(State state) {
        List<Transition> transitions = new ArrayList<>();
        switch (state) {
            case State.Pass pass -> transitions.add(new Transition("Next", pass.next()));
            case State.Wait wait -> transitions.add(new Transition("Next", wait.next()));
            case State.Task task -> {
                transitions.add(new Transition("Next", task.next()));
                catchTransitions(task.errorHandling(), transitions);
            }
            case State.Parallel parallel -> {
                transitions.add(new Transition("Next", parallel.next()));
                catchTransitions(parallel.errorHandling(), transitions);
            }
            case State.Map map -> {
                transitions.add(new Transition("Next", map.next()));
                catchTransitions(map.errorHandling(), transitions);
            }
            case State.Choice choice -> {
                for (int i = 0; i < choice.choices().size(); i++) {
                    transitions.add(new Transition("Choices[" + i + "].Next", choice.choices().get(i).next()));
                }
                transitions.add(new Transition("Default", choice.defaultNext()));
            }
            case State.Succeed ignored -> {
            }
            case State.Fail ignored -> {
            }
        }
        return transitions;
    }

    private static void catchTransitions(ErrorHandling handling, List<Transition> into) {
        for (int i = 0; i < handling.catchers().size(); i++) {
            into.add(new Transition("Catch[" + i + "].Next", handling.catchers().get(i).next()));
        }
    }
}
