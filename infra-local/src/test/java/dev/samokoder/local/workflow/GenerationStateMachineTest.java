package dev.samokoder.local.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.samokoder.local.sfn.asl.DefinitionParser;
import dev.samokoder.shared.http.Json;
import dev.samokoder.shared.workflow.Step;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GenerationStateMachineTest {

    private static final String BUDGET = "dev.samokoder.shared.llm.BudgetExceededException";

    private static String filled() {
        String definition = GenerationStateMachine.read();
        Map<String, String> values = new HashMap<>();
        GenerationStateMachine.placeholders(definition).forEach(name -> values.put(name, "samokoder-" + name));
        return GenerationStateMachine.substitute(definition, values);
    }

    @Test
    void theDefinitionIsValidForTheEngine() throws Exception {
        assertThat(DefinitionParser.parse(filled())).isNotNull();
    }

    @Test
    void everyStepTheRouterCanAnswerHasABranch() throws Exception {
        JsonNode states = Json.mapper().readTree(filled()).path("States");
        Set<String> branches = new HashSet<>();
        states.path("WhatNext").path("Choices").forEach(choice -> {
            branches.add(choice.path("StringEquals").asText());
            assertThat(states.has(choice.path("Next").asText())).as(choice.toString()).isTrue();
        });

        for (Step step : Step.values()) {
            assertThat(branches).as("branch for " + step).contains(step.name());
        }
    }

    @Test
    void everyModelCallingStepPausesOnBudgetAndEveryTaskRetriesTransientErrors() throws Exception {
        JsonNode states = Json.mapper().readTree(filled()).path("States");
        for (String agent : new String[] {"SpecWriter", "Architect", "TechLead", "Developer", "CodeMonkey", "JudgeExecution",
                "BugHunter", "Troubleshooter", "ProblemSolver", "TechnicalWriter"}) {
            JsonNode catchers = states.path(agent).path("Catch");
            assertThat(catchers.get(0).path("ErrorEquals").toString()).as(agent).contains(BUDGET);
            assertThat(catchers.get(0).path("Next").asText()).as(agent).isEqualTo("PauseForBudget");
        }
        states.fields().forEachRemaining(state -> {
            JsonNode node = state.getValue();
            if (node.path("Type").asText().equals("Task") && node.path("Resource").asText().contains(":lambda:")) {
                assertThat(node.path("Retry").toString()).as(state.getKey()).contains("Lambda.TooManyRequestsException");
            }
        });
    }

    @Test
    void aMissingSubstitutionIsNamedNotSilentlyLeftIn() {
        assertThatThrownBy(() -> GenerationStateMachine.substitute(GenerationStateMachine.read(), Map.of("RouteFunction", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SpecWriterFunction");
    }
}
