package dev.samokoder.local.sfn.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Collects the results of the branches of a Parallel or the iterations of a Map, in their original order.
 * The first failure wins: it completes the group at once and cancels the siblings.
 */
final class BranchGroup {

    private final JsonNode[] results;
    private final AtomicInteger remaining;
    private final CompletableFuture<ArrayNode> done = new CompletableFuture<>();
    private final CancellationScope scope;

    BranchGroup(int size, CancellationScope scope) {
        this.results = new JsonNode[size];
        this.remaining = new AtomicInteger(size);
        this.scope = scope;
        if (size == 0) {
            done.complete(JsonNodeFactory.instance.arrayNode());
        }
    }

    CancellationScope scope() {
        return scope;
    }

    boolean isDone() {
        return done.isDone();
    }

    void succeeded(int index, JsonNode result) {
        results[index] = result;
        if (remaining.decrementAndGet() == 0) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            for (JsonNode node : results) {
                array.add(node);
            }
            done.complete(array);
        }
    }

    void failed(StateFailure failure) {
        if (done.completeExceptionally(failure)) {
            scope.cancel();
        }
    }

    ArrayNode await(ExecutionRun run, CancellationScope parent) throws StateFailure {
        return run.await(done, parent);
    }
}
