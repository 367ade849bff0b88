package dev.samokoder.local.sfn.engine;

import dev.samokoder.local.sfn.engine.time.EngineScheduler;
import dev.samokoder.local.sfn.engine.time.RealTimeScheduler;
import dev.samokoder.local.sfn.store.ExecutionStore;
import dev.samokoder.local.sfn.store.InMemoryExecutionStore;
import dev.samokoder.local.sfn.tasks.TaskIntegrations;

/** Everything the engine is built from; the defaults give an in-memory, wall-clock engine without integrations. */
public record EngineConfig(ExecutionStore store, EngineScheduler scheduler, TaskIntegrations integrations,
                           String region, String accountId) {

    public static final String DEFAULT_REGION = "us-east-1";
    public static final String DEFAULT_ACCOUNT_ID = "000000000000";

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private ExecutionStore store;
        private EngineScheduler scheduler;
        private TaskIntegrations integrations;
        private String region = DEFAULT_REGION;
        private String accountId = DEFAULT_ACCOUNT_ID;

        public Builder store(ExecutionStore value) {
            this.store = value;
            return this;
        }

        public Builder scheduler(EngineScheduler value) {
            this.scheduler = value;
            return this;
        }

        public Builder integrations(TaskIntegrations value) {
            this.integrations = value;
            return this;
        }

        public Builder region(String value) {
            this.region = value;
            return this;
        }

        public Builder accountId(String value) {
            this.accountId = value;
            return this;
        }

        public EngineConfig build() {
            return new EngineConfig(
                    store != null ? store : new InMemoryExecutionStore(),
                    scheduler != null ? scheduler : new RealTimeScheduler(),
                    integrations != null ? integrations : TaskIntegrations.builder().build(),
                    region, accountId);
        }
    }
}
