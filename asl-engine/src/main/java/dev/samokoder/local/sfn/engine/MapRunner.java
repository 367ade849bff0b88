package dev.samokoder.local.sfn.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.samokoder.local.sfn.asl.DataFlow;
import dev.samokoder.local.sfn.asl.State;
import dev.samokoder.local.sfn.paths.PathReadException;
import dev.samokoder.local.sfn.paths.PayloadEvaluationException;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs an inline Map: at most MaxConcurrency worker threads take items in order, each item runs the item
 * processor, and the output array keeps the input order. MaxConcurrency 0 means as many as AWS allows
 * an inline Map (40 concurrent iterations).
 */
final class MapRunner {

    static final int INLINE_MAP_CONCURRENCY_LIMIT = 40;

    private final ExecutionRun run;
    private final GraphRunner graphs;

    MapRunner(ExecutionRun run, GraphRunner graphs) {
        this.run = run;
        this.graphs = graphs;
    }

    Outcome run(State.Map map, JsonNode rawInput, Step step) throws StateFailure {
        DataFlow flow = map.dataFlow();
        JsonNode effective = DataFlowProcessor.inputPath(flow.inputPath(), rawInput);
        JsonNode items = items(map, effective);
        int concurrency = concurrency(map, effective, items.size());
        return ErrorHandlingExecutor.execute(run, map.errorHandling(), rawInput, step, retryCount -> {
            ObjectNode startedDetails = HistoryRecorder.details().put("length", items.size());
            run.history.record("MapStateStarted", "mapStateStartedEventDetails", startedDetails);
            BranchGroup group = new BranchGroup(items.size(), step.scope().child());
            AtomicInteger nextItem = new AtomicInteger();
            for (int worker = 0; worker < concurrency; worker++) {
                run.services.scheduler().spawn("sfn-map-" + map.name(),
                        () -> work(map, effective, items, nextItem, group, step, retryCount));
            }
            ArrayNode results;
            try {
                results = group.await(run, step.scope());
            } catch (StateFailure failure) {
                run.history.record("MapStateFailed", null, null);
                throw failure;
            }
            run.history.record("MapStateSucceeded", null, null);
            JsonNode selected = DataFlowProcessor.resultSelector(flow.resultSelector(), results, run.context(step, retryCount, null));
            JsonNode combined = DataFlowProcessor.resultPath(flow.resultPath(), rawInput, selected);
            return new Outcome(DataFlowProcessor.outputPath(flow.outputPath(), combined), map.next());
        });
    }

    private void work(State.Map map, JsonNode effective, JsonNode items, AtomicInteger nextItem, BranchGroup group,
                      Step step, int retryCount) {
        for (int index = nextItem.getAndIncrement(); index < items.size() && !group.isDone(); index = nextItem.getAndIncrement()) {
            ObjectNode iteration = HistoryRecorder.details().put("name", map.name()).put("index", index);
            try {
                run.history.record("MapIterationStarted", "mapIterationStartedEventDetails", iteration);
                JsonNode itemInput = itemInput(map, effective, items.get(index), index, step, retryCount);
                JsonNode output = graphs.run(new Frame(step.nestedPath(retryCount, index), map.processor(), group.scope()), itemInput);
                run.history.record("MapIterationSucceeded", "mapIterationSucceededEventDetails", iteration.deepCopy());
                group.succeeded(index, output);
            } catch (StateFailure failure) {
                run.history.record("MapIterationFailed", "mapIterationFailedEventDetails", iteration.deepCopy());
                group.failed(failure);
                return;
            } catch (ExecutionCancelled cancelled) {
                return;
            }
        }
    }

    private JsonNode itemInput(State.Map map, JsonNode effective, JsonNode item, int index, Step step, int retryCount)
            throws StateFailure {
        if (map.itemSelector() == null) {
            return item.deepCopy();
        }
        ObjectNode context = run.context(step, retryCount, null);
        ObjectNode mapItem = context.putObject("Map").putObject("Item");
        mapItem.put("Index", index);
        mapItem.set("Value", item);
        try {
            return map.itemSelector().evaluate(effective, context);
        } catch (PayloadEvaluationException e) {
            throw new StateFailure(ErrorNames.RUNTIME, e.getMessage());
        }
    }

    private static JsonNode items(State.Map map, JsonNode effective) throws StateFailure {
        JsonNode items = effective;
        if (map.itemsPath() != null) {
            try {
                items = map.itemsPath().read(effective);
            } catch (PathReadException e) {
                throw new StateFailure(ErrorNames.RUNTIME, "Invalid path '" + map.itemsPath().text() + "' for ItemsPath: " + e.getMessage());
            }
        }
        if (!items.isArray()) {
            throw new StateFailure(ErrorNames.RUNTIME, "Map state '" + map.name() + "': the items to iterate over must be a JSON array, got " + items);
        }
        return items;
    }

    private static int concurrency(State.Map map, JsonNode effective, int itemCount) throws StateFailure {
        int limit = map.maxConcurrency();
        if (map.maxConcurrencyPath() != null) {
            try {
                JsonNode value = map.maxConcurrencyPath().read(effective);
                if (!value.canConvertToExactIntegral() || value.intValue() < 0) {
                    throw new StateFailure(ErrorNames.RUNTIME, "MaxConcurrencyPath must reference a non-negative integer, got " + value);
                }
                limit = value.intValue();
            } catch (PathReadException e) {
                throw new StateFailure(ErrorNames.RUNTIME, "Invalid path for MaxConcurrencyPath: " + e.getMessage());
            }
        }
        int effectiveLimit = limit == 0 ? INLINE_MAP_CONCURRENCY_LIMIT : limit;
        return Math.max(1, Math.min(effectiveLimit, itemCount));
    }
}
