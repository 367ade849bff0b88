package dev.samokoder.runner;

import dev.samokoder.core.aws.AwsClients;
import dev.samokoder.core.config.SamokoderConfig;
import dev.samokoder.core.http.Json;
import dev.samokoder.sandbox.ReapReport;
import dev.samokoder.sandbox.RunActivity;
import dev.samokoder.sandbox.SandboxReaper;
import dev.samokoder.sandbox.StepFunctionsRunActivity;
import dev.samokoder.services.runs.GenerationRunActivity;
import dev.samokoder.services.wiring.Wiring;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.util.Map;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * The sandbox reaper on AWS: an EventBridge schedule invokes it (every few minutes); it stops
 * every sandbox task on the cluster that outlived its time limit plus the grace period, or whose
 * run is no longer active: the run its run-id tag names has ended or was cancelled, or the
 * execution its execution tag names is no longer running, or the live preview it serves is idle, over or replaced
 * ({@link PreviewActivity}). Every stop is logged; the report is the function's result.
 */
public final class ReaperHandler implements RequestHandler<ScheduledEvent, Map<String, Object>> {

    private final SandboxReaper reaper;

    public ReaperHandler() {
        this(fromEnv(Wiring.fromEnv()));
    }

    ReaperHandler(SandboxReaper reaper) {
        this.reaper = reaper;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
        ReapReport report = reaper.reap();
        return Json.mapper().convertValue(report, Map.class);
    }

    private static SandboxReaper fromEnv(Wiring wiring) {
        SamokoderConfig config = wiring.config();
        AwsClients clients = wiring.clients();
        EcsClient ecs = EcsClient.builder().region(Region.of(config.aws().region())).httpClient(clients.http())
                .credentialsProvider(clients.credentials()).build();
        return new SandboxReaper(new EcsSandboxTasks(ecs, config.sandbox().cluster()),
                RunActivity.allOf(new GenerationRunActivity(wiring.runRepository()), new StepFunctionsRunActivity(clients.sfn()),
                        new PreviewActivity(wiring.previews(), wiring.runStore(), config.sandbox().previews().idle(), wiring.clock())),
                config.sandbox().reaperGrace(), config.sandbox().maxTimeLimit(), wiring.clock());
    }
}
