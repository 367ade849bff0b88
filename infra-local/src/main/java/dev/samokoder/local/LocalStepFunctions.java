package dev.samokoder.local;

import dev.samokoder.embedded.PortInUseException;
import dev.samokoder.embedded.Ports;
import dev.samokoder.local.sfn.api.SfnApiServer;
import dev.samokoder.local.sfn.engine.EngineConfig;
import dev.samokoder.local.sfn.engine.StepFunctionsEngine;
import dev.samokoder.local.sfn.store.FileExecutionStore;
import dev.samokoder.local.sfn.tasks.EcsRunTaskSyncRunner;
import dev.samokoder.local.sfn.tasks.InProcessFunctions;
import dev.samokoder.local.sfn.tasks.TaskIntegrations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;

/**
 * The local Step Functions engine inside the platform's JVM: executions persisted under
 * {@code <data dir>/stepfunctions/} (they resume after a restart), its API on a loopback port so
 * product code uses the real {@code SfnClient}. Task integrations are added with the workflow.
 */
final class LocalStepFunctions implements AutoCloseable {

    static final String COMPONENT = "stepfunctions";

    private final StepFunctionsEngine engine;
    private final SfnApiServer api;

    private LocalStepFunctions(StepFunctionsEngine engine, SfnApiServer api) {
        this.engine = engine;
        this.api = api;
    }

    static LocalStepFunctions start(Path dataDir, String host, int port, String region, EcsRunTaskSyncRunner sandbox,
                                    InProcessFunctions functions) {
        Ports.requireFree(COMPONENT, host, port);
        StepFunctionsEngine engine = StepFunctionsEngine.start(EngineConfig.builder()
                .store(new FileExecutionStore(dataDir.resolve("stepfunctions")))
                .integrations(TaskIntegrations.builder().functions(functions).ecsRunTaskSync(sandbox).build())
                .region(region)
                .build());
        try {
            return new LocalStepFunctions(engine, SfnApiServer.start(engine, port));
        } catch (IOException e) {
            engine.close();
            if (Ports.isBindFailure(e)) {
                throw new PortInUseException(COMPONENT, host, port, e);
            }
            throw new UncheckedIOException("the Step Functions engine's API did not start", e);
        }
    }

    URI endpoint() {
        return api.endpoint();
    }

    @Override
    public void close() {
        api.close();
        engine.close();
    }
}
