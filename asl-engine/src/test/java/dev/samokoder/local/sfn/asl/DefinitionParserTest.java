package dev.samokoder.local.sfn.asl;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DefinitionParserTest {

    @Test
    void loads_every_state_type_into_the_model() throws Exception {
        // given
        String definition = """
                {"StartAt": "Pass", "TimeoutSeconds": 30, "States": {
                  "Pass": {"Type": "Pass", "Next": "Task"},
                  "Task": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "f"},
                           "Retry": [{"ErrorEquals": ["States.ALL"]}], "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Fail"}], "Next": "Choice"},
                  "Choice": {"Type": "Choice", "Choices": [{"Variable": "$.a", "IsPresent": true, "Next": "Wait"}], "Default": "Parallel"},
                  "Wait": {"Type": "Wait", "Seconds": 1, "Next": "Parallel"},
                  "Parallel": {"Type": "Parallel", "Branches": [{"StartAt": "B", "States": {"B": {"Type": "Succeed"}}}], "Next": "Map"},
                  "Map": {"Type": "Map", "ItemProcessor": {"StartAt": "I", "States": {"I": {"Type": "Pass", "End": true}}}, "Next": "Succeed"},
                  "Succeed": {"Type": "Succeed"},
                  "Fail": {"Type": "Fail", "Error": "E"}}}""";

        // when
        StateMachineDefinition loaded = DefinitionParser.parse(definition);

        // then
        assertThat(loaded.timeoutSeconds()).isEqualTo(30);
        assertThat(loaded.graph().states().values()).extracting(State::type)
                .containsExactly("Pass", "Task", "Choice", "Wait", "Parallel", "Map", "Succeed", "Fail");
        State.Task task = (State.Task) loaded.graph().state("Task");
        assertThat(task.errorHandling().retriers().getFirst()).isEqualTo(new Retrier(List.of("States.ALL"),
                1, 3, 2.0, null, Retrier.JitterStrategy.NONE));
    }

    @Test
    void every_problem_names_its_state_and_field() {
        // given
        String definition = """
                {"StartAt": "A", "States": {
                  "A": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:1:function:f", "TimeoutSeconds": 0, "Next": "B"},
                  "B": {"Type": "Pass", "End": true, "Bogus": 1}}}""";

        // when / then
        assertThatThrownBy(() -> DefinitionParser.parse(definition))
                .isInstanceOfSatisfying(InvalidDefinitionException.class, e -> assertThat(e.problems())
                        .extracting(DefinitionProblem::state, DefinitionProblem::field)
                        .containsExactlyInAnyOrder(
                                tuple("A", "TimeoutSeconds"),
                                org.assertj.core.groups.Tuple.tuple("B", "Bogus")));
    }

    @Test
    void malformed_json_is_reported_as_a_problem() {
        // when / then
        assertThatThrownBy(() -> DefinitionParser.parse("{\"StartAt\": "))
                .isInstanceOf(InvalidDefinitionException.class).hasMessageContaining("not valid JSON");
    }

    @Test
    void a_state_that_does_not_load_still_leads_to_its_successors() {
        // given: B has an unknown type and C a choice rule without an operator; D and E are reachable through them
        String definition = """
                {"StartAt": "A", "States": {
                  "A": {"Type": "Pass", "Next": "B"},
                  "B": {"Type": "Nope", "Next": "C"},
                  "C": {"Type": "Choice", "Choices": [{"Variable": "$.x", "Next": "D"}], "Default": "E"},
                  "D": {"Type": "Succeed"},
                  "E": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:1:function:f", "Retry": {}, "End": true},
                  "Orphan": {"Type": "Succeed"}}}""";

        // when / then
        assertThatThrownBy(() -> DefinitionParser.parse(definition))
                .isInstanceOfSatisfying(InvalidDefinitionException.class, e -> assertThat(e.problems())
                        .extracting(DefinitionProblem::state, DefinitionProblem::field)
                        .containsExactlyInAnyOrder(
                                tuple("B", "Type"),
                                tuple("C", "Variable"),
                                tuple("E", "Retry"),
                                tuple("Orphan", null)));
    }
}
