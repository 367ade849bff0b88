package dev.samokoder.local.sfn.engine;

import dev.samokoder.local.sfn.engine.time.EngineScheduler;
import dev.samokoder.local.sfn.store.ExecutionStore;
import dev.samokoder.local.sfn.tasks.TaskIntegrations;

/** What every running execution shares with the engine. */
record EngineServices(EngineScheduler scheduler, ExecutionStore store, TaskIntegrations integrations,
                      TaskTokens tokens, String region, String accountId) {
}
