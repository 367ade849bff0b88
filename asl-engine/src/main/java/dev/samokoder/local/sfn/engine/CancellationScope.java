package dev.samokoder.local.sfn.engine;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cancels the waits of one execution or one branch of it. Children are cancelled with their parent.
 * Listeners are removed as soon as the awaited future completes, so long executions do not accumulate them.
 */
final class CancellationScope {

    private final Set<Runnable> listeners = ConcurrentHashMap.newKeySet();
    private volatile boolean cancelled;

    CancellationScope child() {
        CancellationScope child = new CancellationScope();
        Runnable propagate = child::cancel;
        listeners.add(propagate);
        if (cancelled) {
            child.cancel();
        }
        return child;
    }

    void cancel() {
        if (cancelled) {
            return;
        }
        cancelled = true;
        for (Runnable listener : listeners) {
            listener.run();
        }
        listeners.clear();
    }

    boolean isCancelled() {
        return cancelled;
    }

    void throwIfCancelled() {
        if (cancelled) {
            throw new ExecutionCancelled();
        }
    }

    /** A future that completes like {@code future}, or fails with ExecutionCancelled when this scope is cancelled. */
    <T> CompletableFuture<T> race(CompletableFuture<T> future) {
        CompletableFuture<T> raced = new CompletableFuture<>();
        Runnable onCancel = () -> raced.completeExceptionally(new ExecutionCancelled());
        listeners.add(onCancel);
        if (cancelled) {
            onCancel.run();
        }
        future.whenComplete((value, error) -> {
            listeners.remove(onCancel);
            if (error != null) {
                raced.completeExceptionally(error);
            } else {
                raced.complete(value);
            }
        });
        return raced;
    }
}
