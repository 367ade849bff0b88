package dev.samokoder.local.sfn.asl;

import java.util.List;
import java.util.stream.Collectors;

/** The definition has one or more problems; the message lists all of them, one per line. */
public final class InvalidDefinitionException extends Exception {

    private final List<DefinitionProblem> problems;

    public InvalidDefinitionException(List<DefinitionProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    public List<DefinitionProblem> problems() {
        return problems;
    }

    private static String describe(List<DefinitionProblem> problems) {
        return "Invalid State Machine Definition: " + problems.size() + " problem(s):\n"
                + problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n"));
    }
}
