package dev.samokoder.local.sfn.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.samokoder.local.sfn.engine.StepFunctionsEngine;
import dev.samokoder.local.sfn.engine.time.EngineScheduler;
import dev.samokoder.local.sfn.paths.JsonPath;
import dev.samokoder.local.sfn.tasks.InProcessFunctions;
import dev.samokoder.local.sfn.tasks.NamedError;
import dev.samokoder.local.sfn.tasks.TaskFailedException;
import dev.samokoder.local.sfn.tasks.TaskIntegrations;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Plays the "tasks" of a conformance case: each function (or "ecs:runTask", or a "service:action") answers
 * its n-th invocation with the n-th scripted step, repeating the last one. A step may return a result,
 * echo its payload, throw, take virtual time, or answer a task token through the engine's API.
 */
final class ScriptedTasks {

    private final JsonNode script;
    private final EngineScheduler scheduler;
    private final AtomicReference<StepFunctionsEngine> engine;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, List<JsonNode>> payloads = new ConcurrentHashMap<>();

    ScriptedTasks(JsonNode script, EngineScheduler scheduler, AtomicReference<StepFunctionsEngine> engine) {
        this.script = script;
        this.scheduler = scheduler;
        this.engine = engine;
    }

    TaskIntegrations integrations() {
        InProcessFunctions functions = new InProcessFunctions();
        TaskIntegrations.Builder builder = TaskIntegrations.builder().functions(functions);
        script.properties().forEach(entry -> {
            String name = entry.getKey();
            if (name.equals("ecs:runTask")) {
                builder.ecsRunTaskSync(payload -> answer(name, payload));
            } else if (name.contains(":")) {
                builder.service(name, payload -> answer(name, payload));
            } else {
                functions.register(name, (payload, context) -> answer(name, payload));
            }
        });
        return builder.build();
    }

    int calls(String name) {
        AtomicInteger count = calls.get(name);
        return count == null ? 0 : count.get();
    }

    List<JsonNode> payloads(String name) {
        return payloads.getOrDefault(name, List.of());
    }

    private JsonNode answer(String name, JsonNode payload) throws TaskFailedException {
        int call = calls.computeIfAbsent(name, n -> new AtomicInteger()).getAndIncrement();
        payloads.computeIfAbsent(name, n -> Collections.synchronizedList(new ArrayList<>())).add(payload.deepCopy());
        JsonNode steps = script.get(name);
        JsonNode step = steps.get(Math.min(call, steps.size() - 1));
        long delay = step.path("delaySeconds").asLong(0);
        if (step.has("delaySecondsPath")) {
            delay = readPath(step.get("delaySecondsPath").asText(), payload).asLong();
        }
        if (delay > 0) {
            scheduler.await(scheduler.timer(scheduler.now().plusSeconds(delay)));
        }
        if (step.has("tokenPath")) {
            answerToken(readPath(step.get("tokenPath").asText(), payload).asText(), step.path("callback"));
        }
        if (step.has("throw")) {
            throw new ScriptedError(step.get("throw").asText(), step.path("message").asText(null));
        }
        if (step.has("throwJava")) {
            throwJava(step.get("throwJava").asText(), step.path("message").asText(null));
        }
        if (step.has("error")) {
            throw new TaskFailedException(step.get("error").asText(), step.path("cause").asText(null));
        }
        if (step.path("echo").asBoolean(false)) {
            return payload;
        }
        return step.has("result") ? step.get("result").deepCopy() : NullNode.instance;
    }

    /** Answers from a new engine thread after the scripted virtual delays, like an external worker would. */
    private void answerToken(String token, JsonNode callback) {
        scheduler.spawn("scripted-callback", () -> {
            int heartbeats = callback.path("heartbeats").asInt(0);
            long interval = callback.path("heartbeatIntervalSeconds").asLong(1);
            for (int i = 0; i < heartbeats; i++) {
                scheduler.await(scheduler.timer(scheduler.now().plusSeconds(interval)));
                engine.get().sendTaskHeartbeat(token);
            }
            long delay = callback.path("delaySeconds").asLong(0);
            if (delay > 0) {
                scheduler.await(scheduler.timer(scheduler.now().plusSeconds(delay)));
            }
            if (callback.has("success")) {
                engine.get().sendTaskSuccess(token, callback.get("success").toString());
            } else if (callback.has("failure")) {
                JsonNode failure = callback.get("failure");
                engine.get().sendTaskFailure(token, failure.path("error").asText(null), failure.path("cause").asText(null));
            }
        });
    }

    private static JsonNode readPath(String path, JsonNode payload) {
        try {
            return JsonPath.parse(path).read(payload);
        } catch (Exception e) {
            throw new IllegalArgumentException("scripted path " + path + " not in " + payload, e);
        }
    }

    private static void throwJava(String simpleName, String message) {
        try {
            Class<?> type = Class.forName("java.lang." + simpleName);
            throw (RuntimeException) type.getConstructor(String.class).newInstance(message);
        } catch (ClassNotFoundException | NoSuchMethodException | InstantiationException | IllegalAccessException
                 | InvocationTargetException e) {
            throw new IllegalArgumentException("cannot throw java.lang." + simpleName, e);
        }
    }

    /** A handler exception that names its error, like a Lambda function's custom errorType. */
    static final class ScriptedError extends RuntimeException implements NamedError {
        private final String name;

        ScriptedError(String name, String message) {
            super(message);
            this.name = name;
        }

        @Override
        public String errorName() {
            return name;
        }
    }
}
