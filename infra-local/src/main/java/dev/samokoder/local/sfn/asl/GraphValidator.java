package dev.samokoder.local.sfn.asl;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Checks one graph: StartAt and every transition name a state of the same graph, and every state is reachable. */
final class GraphValidator {

    private GraphValidator() {
    }

    static void check(StateGraph graph, List<String> declaredStates, String location, ProblemCollector problems) {
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
        Set<String> reachable = reachableFrom(graph);
        for (String name : declaredStates) {
            if (!reachable.contains(name) && graph.states().containsKey(name)) {
                problems.add(location + "/States/" + name, name, null, "state is unreachable from StartAt '" + graph.startAt() + "'");
            }
        }
    }

    private static Set<String> reachableFrom(StateGraph graph) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>();
        pending.add(graph.startAt());
        while (!pending.isEmpty()) {
            String name = pending.poll();
            State state = graph.states().get(name);
            if (state == null || !seen.add(name)) {
                continue;
            }
            for (Transition transition : transitions(state)) {
                if (transition.target() != null) {
                    pending.add(transition.target());
                }
            }
        }
        return seen;
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
