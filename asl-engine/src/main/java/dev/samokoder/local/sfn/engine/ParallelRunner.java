package dev.samokoder.local.sfn.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.samokoder.local.sfn.asl.DataFlow;
import dev.samokoder.local.sfn.asl.State;
import dev.samokoder.local.sfn.asl.StateGraph;

/** Runs every branch of a Parallel state on its own virtual thread; the output is the array of branch outputs. */
final class ParallelRunner {

    private final ExecutionRun run;
    private final GraphRunner graphs;

    ParallelRunner(ExecutionRun run, GraphRunner graphs) {
        this.run = run;
        this.graphs = graphs;
    }

    Outcome run(State.Parallel parallel, JsonNode rawInput, Step step) throws StateFailure {
        DataFlow flow = parallel.dataFlow();
        JsonNode effective = DataFlowProcessor.inputPath(flow.inputPath(), rawInput);
        return ErrorHandlingExecutor.execute(run, parallel.errorHandling(), rawInput, step, retryCount -> {
            JsonNode input = DataFlowProcessor.parameters(flow.parameters(), effective, run.context(step, retryCount, null));
            run.history.record("ParallelStateStarted", null, null);
            BranchGroup group = new BranchGroup(parallel.branches().size(), step.scope().child());
            for (int i = 0; i < parallel.branches().size(); i++) {
                startBranch(group, i, parallel.branches().get(i), step.nestedPath(retryCount, i), input);
            }
            ArrayNode results;
            try {
                results = group.await(run, step.scope());
            } catch (StateFailure failure) {
                run.history.record("ParallelStateFailed", null, null);
                throw failure;
            }
            run.history.record("ParallelStateSucceeded", null, null);
            JsonNode selected = DataFlowProcessor.resultSelector(flow.resultSelector(), results, run.context(step, retryCount, null));
            JsonNode combined = DataFlowProcessor.resultPath(flow.resultPath(), rawInput, selected);
            return new Outcome(DataFlowProcessor.outputPath(flow.outputPath(), combined), parallel.next());
        });
    }

    private void startBranch(BranchGroup group, int index, StateGraph branch, String path, JsonNode input) {
        run.services.scheduler().spawn("sfn-branch-" + index, () -> {
            try {
                group.succeeded(index, graphs.run(new Frame(path, branch, group.scope()), input.deepCopy()));
            } catch (StateFailure failure) {
                group.failed(failure);
            } catch (ExecutionCancelled cancelled) {
                // A sibling failed or the execution stopped; whoever cancelled reports the outcome.
            }
        });
    }
}
