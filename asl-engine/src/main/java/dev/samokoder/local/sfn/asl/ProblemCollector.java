package dev.samokoder.local.sfn.asl;

import java.util.ArrayList;
import java.util.List;

/** Gathers every problem found while loading a definition so they can be reported together. */
final class ProblemCollector {

    private final List<DefinitionProblem> problems = new ArrayList<>();

    void add(String location, String state, String field, String message) {
        problems.add(new DefinitionProblem(location, state, field, message));
    }

    List<DefinitionProblem> problems() {
        return problems;
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }
}
