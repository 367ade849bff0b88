package dev.samokoder.local;

import dev.samokoder.api.ApiHandler;
import dev.samokoder.api.ApiServices;
import dev.samokoder.api.routes.ApiRoutes;
import dev.samokoder.api.webhooks.HookServices;
import dev.samokoder.local.gateway.HttpFunction;
import dev.samokoder.services.preview.PreviewLauncher;
import dev.samokoder.services.runs.RunStarter;
import dev.samokoder.services.wiring.Wiring;
import java.util.Map;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The functions the local gateway invokes: the same handler classes the Lambda runtime runs,
 * built with their collaborators (the runtime uses their no-argument constructors, which read the
 * environment; locally the endpoints are known only once the stack has started).
 */
final class LocalFunctions {

    /** @param runs what starts runs: the runs API's service, which webhook deliveries use too */
    record Functions(Map<String, HttpFunction> functions, HookServices hooks, RunStarter runs) {
    }

    private LocalFunctions() {
    }

    /** The keys the platform signs tokens and seals secrets with are the configured ones, or the data dir's (see {@link Wiring}). */
    static Functions create(Wiring wiring, SfnClient sfn, PreviewLauncher previews) {
        ApiServices services = ApiServices.create(wiring, sfn, previews);
        return new Functions(
                Map.of(ApiRoutes.API.name(), new HttpFunction(ApiRoutes.API, new ApiHandler(services))),
                HookServices.create(wiring),
                services.runs());
    }
}
