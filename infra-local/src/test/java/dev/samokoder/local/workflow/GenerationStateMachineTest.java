package dev.samokoder.local.workflow;

import dev.samokoder.core.http.Json;
import dev.samokoder.core.llm.InvalidProviderResponseException;
import dev.samokoder.core.llm.LedgerContentionException;
import dev.samokoder.core.llm.LlmException;
import dev.samokoder.core.llm.ProviderTimeoutException;
import dev.samokoder.core.llm.ProviderUnavailableException;
import dev.samokoder.core.llm.RateLimitedException;
import dev.samokoder.core.models.Provider;
import dev.samokoder.local.sfn.asl.DefinitionParser;
import dev.samokoder.local.sfn.paths.PayloadTemplate;
import dev.samokoder.services.runs.Step;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GenerationStateMachineTest {

    private static final String BUDGET = "dev.samokoder.core.llm.BudgetExceededException";

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

    /** The gateway's errors that say "the same call may work later" are the ones the ASL retries, and no others. */
    @Test
    void everyModelCallingStepRetriesExactlyTheGatewaysRetryableErrors() throws Exception {
        List<LlmException> retryable = List.of(
                new RateLimitedException(Provider.OPENAI, OptionalInt.empty(), Optional.empty(), "", null),
                new ProviderUnavailableException(Provider.OPENAI, OptionalInt.empty(), "", null),
                new ProviderTimeoutException(Provider.OPENAI, OptionalInt.empty(), "", null),
                new InvalidProviderResponseException(Provider.OPENAI, OptionalInt.empty(), "", null),
                new LedgerContentionException("", null));
        assertThat(retryable).allSatisfy(e -> assertThat(e.retryable()).as(e.getClass().getSimpleName()).isTrue());
        Set<String> names = new HashSet<>();
        retryable.forEach(e -> names.add(e.getClass().getName()));

        JsonNode states = Json.mapper().readTree(filled()).path("States");
        List<String> checked = new ArrayList<>();
        states.findParents("Retry").forEach(state -> state.path("Retry").forEach(retrier -> {
            Set<String> llmErrors = new HashSet<>();
            retrier.path("ErrorEquals").forEach(error -> {
                if (error.asText().startsWith("dev.samokoder.core.llm.")) {
                    llmErrors.add(error.asText());
                }
            });
            if (!llmErrors.isEmpty()) {
                assertThat(llmErrors).as(state.path("Comment").asText()).isEqualTo(names);
                checked.add(state.path("Comment").asText());
            }
        }));
        assertThat(checked).hasSize(10);
    }

    @Test
    void theSandboxTaskGetsTheRegistriesSecurityGroupOnlyWhenItsRequestAllowsThem() throws Exception {
        JsonNode states = Json.mapper().readTree(filled()).path("States");
        PayloadTemplate selector = PayloadTemplate.compile(states.path("PrepareExecution").path("ResultSelector"));
        PayloadTemplate parameters = PayloadTemplate.compile(states.path("Executor").path("Parameters"));
        JsonNode context = Json.mapper().readTree("{\"Execution\": {\"Id\": \"arn:execution\"}}");

        Map<Integer, String> groups = new HashMap<>();
        for (int network : new int[] {0, 1}) {
            JsonNode prepared = selector.evaluate(Json.mapper().readTree("""
                    {"Payload": {"requestKey": "sandbox-runs/sbx_1/request.json", "sandboxRunId": "sbx_1",
                                 "timeLimitSeconds": 600, "network": %d}}""".formatted(network)), context);
            var input = Json.mapper().createObjectNode().put("runId", "run_1");
            input.set("execution", prepared);
            JsonNode vpc = parameters.evaluate(input, context).at("/NetworkConfiguration/AwsvpcConfiguration");
            assertThat(vpc.path("SecurityGroups")).hasSize(1);
            assertThat(vpc.path("Subnets").get(0).asText()).isEqualTo("samokoder-SandboxSubnet");
            groups.put(network, vpc.path("SecurityGroups").get(0).asText());
        }

        assertThat(groups).containsEntry(0, "samokoder-SandboxSecurityGroup").containsEntry(1, "samokoder-SandboxRegistrySecurityGroup");
    }

    @Test
    void aMissingSubstitutionIsNamedNotSilentlyLeftIn() {
        assertThatThrownBy(() -> GenerationStateMachine.substitute(GenerationStateMachine.read(), Map.of("RouteFunction", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SpecWriterFunction");
    }
}
