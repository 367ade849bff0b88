package dev.samokoder.local.sfn.asl;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
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

    @Test
    void paths_accept_filters_slices_unions_and_deep_scans() {
        // given: InputPath, OutputPath, Parameters, ResultSelector, ItemSelector and intrinsic arguments are Paths
        String definition = """
                {"StartAt": "P", "States": {
                  "P": {"Type": "Pass", "InputPath": "$.orders[?(@.total < 10 && (@.open || @.id == 'x'))]",
                        "Parameters": {"firsts.$": "$[:2]", "ids.$": "$[0,1]['id','total']", "n.$": "States.ArrayLength($[?(@.tags[0] == 'a, b')])"},
                        "OutputPath": "$..id", "Next": "M"},
                  "M": {"Type": "Map", "ItemsPath": "$.items", "ItemSelector": {"v.$": "$$.Map.Item.Value[?(@.ok)]"},
                        "ItemProcessor": {"StartAt": "I", "States": {"I": {"Type": "Pass", "End": true}}},
                        "ResultSelector": {"all.$": "$[*][::2]"}, "End": true}}}""";

        // when / then
        assertThatCode(() -> DefinitionParser.parse(definition)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ResultPath         | "ResultPath": "$.a[0:1]"
            ResultPath         | "ResultPath": "$.a['x','y']"
            ItemsPath          | "ItemsPath": "$.items[1:3]"
            MaxConcurrencyPath | "MaxConcurrencyPath": "$..max"
            Variable           | "Choices": [{"Variable": "$.a[?(@.b)]", "IsPresent": true, "Next": "End"}]
            StringEqualsPath   | "Choices": [{"Variable": "$.a", "StringEqualsPath": "$.b[0,1]", "Next": "End"}]
            Variable           | "Choices": [{"Not": {"Variable": "$$.Execution.Input[*]", "IsNull": true}, "Next": "End"}]
            SecondsPath        | "SecondsPath": "$.waits[-1:]"
            TimeoutSecondsPath | "TimeoutSecondsPath": "$.t.*"
            ErrorPath          | "ErrorPath": "$.errors[?(@.fatal)]"
            ResultPath         | "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.e..x", "Next": "End"}]
            """)
    void a_reference_path_that_can_select_several_nodes_is_refused(String field, String fieldJson) {
        // given: one state of the type the field belongs to (after a Fail state, End is reported unreachable, with no field)
        String state = switch (field) {
            case "ItemsPath", "MaxConcurrencyPath" -> """
                    {"Type": "Map", %s, "ItemProcessor": {"StartAt": "I", "States": {"I": {"Type": "Pass", "End": true}}}, "Next": "End"}""";
            case "Variable", "StringEqualsPath" -> """
                    {"Type": "Choice", %s}""";
            case "SecondsPath" -> """
                    {"Type": "Wait", %s, "Next": "End"}""";
            case "TimeoutSecondsPath" -> """
                    {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:1:function:f", %s, "Next": "End"}""";
            case "ErrorPath" -> """
                    {"Type": "Fail", %s}""";
            default -> fieldJson.startsWith("\"Catch") ? """
                    {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:1:function:f", %s, "Next": "End"}""" : """
                    {"Type": "Pass", %s, "Next": "End"}""";
        };
        String definition = """
                {"StartAt": "S", "States": {"S": %s, "End": {"Type": "Succeed"}}}""".formatted(state.formatted(fieldJson));

        // when / then
        assertThatThrownBy(() -> DefinitionParser.parse(definition))
                .isInstanceOfSatisfying(InvalidDefinitionException.class, e -> assertThat(e.problems())
                        .filteredOn(problem -> problem.field() != null)
                        .singleElement()
                        .satisfies(problem -> {
                            assertThat(problem.state()).isEqualTo("S");
                            assertThat(problem.field()).isEqualTo(field);
                            assertThat(problem.message()).contains("must be a reference path, and a reference path must identify a single node");
                        }));
    }

    @Test
    void a_choice_rule_may_compare_a_single_node_of_the_context_object_but_resultpath_may_not_write_there() {
        // given
        String choice = """
                {"StartAt": "C", "States": {
                  "C": {"Type": "Choice", "Choices": [{"Variable": "$$.Execution.Input.a[0]", "IsPresent": true, "Next": "D"}], "Default": "D"},
                  "D": {"Type": "Succeed"}}}""";
        String resultPath = """
                {"StartAt": "P", "States": {"P": {"Type": "Pass", "ResultPath": "$$.Execution.Input", "End": true}}}""";

        // when / then
        assertThatCode(() -> DefinitionParser.parse(choice)).doesNotThrowAnyException();
        assertThatThrownBy(() -> DefinitionParser.parse(resultPath)).hasMessageContaining("'$$' is not allowed in ResultPath");
    }

    @Test
    void a_malformed_path_is_a_problem_naming_the_state_the_field_and_the_path() {
        // given
        String definition = """
                {"StartAt": "P", "States": {"P": {"Type": "Pass", "InputPath": "$.a[?(@.b ==)]",
                  "Parameters": {"x.$": "$.c[1:2:0]"}, "End": true}}}""";

        // when / then
        assertThatThrownBy(() -> DefinitionParser.parse(definition))
                .isInstanceOfSatisfying(InvalidDefinitionException.class, e -> assertThat(e.problems())
                        .extracting(DefinitionProblem::state, DefinitionProblem::field, DefinitionProblem::message)
                        .containsExactlyInAnyOrder(
                                tuple("P", "InputPath", "Invalid JSONPath '$.a[?(@.b ==)]' at position 12: unexpected ')'"),
                                tuple("P", "Parameters", "Field 'x.$': Invalid JSONPath '$.c[1:2:0]' at position 4: a slice step may not be 0")));
    }
}
