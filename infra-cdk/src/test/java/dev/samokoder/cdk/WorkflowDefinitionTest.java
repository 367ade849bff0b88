package dev.samokoder.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WorkflowDefinitionTest {

    @Test
    void placeholdersSplitIntoFunctionsAndTheSandboxTask() {
        WorkflowDefinition definition = new WorkflowDefinition("""
                {"A": "${SpecWriterFunction}", "B": "${PrepareExecutionFunction}", "C": "${SandboxCluster}",
                 "D": "${SpecWriterFunction}", "E": "$.notAPlaceholder", "F": "${Function}"}""");
        assertThat(definition.placeholders()).containsExactly("Function", "PrepareExecutionFunction", "SandboxCluster", "SpecWriterFunction");
        assertThat(definition.functionPlaceholders()).containsExactly("PrepareExecutionFunction", "SpecWriterFunction");
    }

    @Test
    void stepAndFunctionNamesFollowTheLocalConvention() {
        assertThat(WorkflowDefinition.step("SpecWriterFunction")).isEqualTo("SPEC_WRITER");
        assertThat(WorkflowDefinition.step("PrepareExecutionFunction")).isEqualTo("PREPARE_EXECUTION");
        assertThat(WorkflowDefinition.step("RouteFunction")).isEqualTo("ROUTE");
        assertThat(WorkflowDefinition.functionName("TechnicalWriterFunction")).isEqualTo("technical-writer");
        assertThatThrownBy(() -> WorkflowDefinition.step("SandboxCluster")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRepositoryDefinitionNamesTheSandboxTask() {
        WorkflowDefinition definition = WorkflowDefinition.read(SynthesizedStage.stateMachineFile());
        assertThat(definition.placeholders()).contains(WorkflowDefinition.CLUSTER, WorkflowDefinition.TASK_DEFINITION,
                WorkflowDefinition.SUBNET, WorkflowDefinition.SECURITY_GROUP, WorkflowDefinition.REGISTRY_SECURITY_GROUP);
        assertThat(definition.functionPlaceholders()).contains("RouteFunction");
    }
}
