package dev.samokoder.local;

import dev.samokoder.api.routing.ApiRoutes;
import dev.samokoder.api.routing.FunctionSpec;
import dev.samokoder.local.gateway.HttpFunction;
import dev.samokoder.shared.storage.Storage;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The HTTP functions the local gateway invokes, built once with the local storage: the same
 * handler classes the Lambda runtime runs, constructed with collaborators instead of from env,
 * since the local endpoints are known only after the stack has started.
 */
final class LocalFunctions {

    private LocalFunctions() {
    }

    static Map<String, HttpFunction> create(Storage storage) {
        Map<String, HttpFunction> functions = new LinkedHashMap<>();
        for (FunctionSpec spec : ApiRoutes.functions()) {
            throw new IllegalStateException("function " + spec.name() + " (" + spec.handlerClass() + ") has no local wiring;"
                    + " add it here, built on the local storage of table " + storage.table().tableName());
        }
        return functions;
    }
}
