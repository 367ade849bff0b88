package dev.samokoder.local.sfn.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.samokoder.local.sfn.paths.JsonPath;
import dev.samokoder.local.sfn.paths.PathReadException;
import dev.samokoder.local.sfn.paths.PayloadEvaluationException;
import dev.samokoder.local.sfn.paths.PayloadTemplate;
import dev.samokoder.local.sfn.paths.ResultPathMismatchException;

/**
 * The five input/output processing steps. Path failures raise States.Runtime, which AWS neither retries nor
 * lets States.ALL catch; a ResultPath that cannot be applied raises States.ResultPathMatchFailure.
 */
final class DataFlowProcessor {

    private DataFlowProcessor() {
    }

    static JsonNode inputPath(JsonPath path, JsonNode rawInput) throws StateFailure {
        return select(path, rawInput, "InputPath");
    }

    static JsonNode outputPath(JsonPath path, JsonNode value) throws StateFailure {
        return select(path, value, "OutputPath");
    }

    static JsonNode parameters(PayloadTemplate template, JsonNode effectiveInput, JsonNode context) throws StateFailure {
        return applyTemplate(template, effectiveInput, context);
    }

    static JsonNode resultSelector(PayloadTemplate template, JsonNode result, JsonNode context) throws StateFailure {
        return applyTemplate(template, result, context);
    }

    static JsonNode resultPath(JsonPath path, JsonNode rawInput, JsonNode result) throws StateFailure {
        if (path == null) {
            return rawInput;
        }
        try {
            return path.write(rawInput, result);
        } catch (ResultPathMismatchException e) {
            throw new StateFailure(ErrorNames.RESULT_PATH_MATCH_FAILURE, e.getMessage());
        }
    }

    private static JsonNode applyTemplate(PayloadTemplate template, JsonNode input, JsonNode context) throws StateFailure {
        if (template == null) {
            return input;
        }
        try {
            return template.evaluate(input, context);
        } catch (PayloadEvaluationException e) {
            throw new StateFailure(ErrorNames.RUNTIME, e.getMessage());
        }
    }

    private static JsonNode select(JsonPath path, JsonNode value, String field) throws StateFailure {
        if (path == null) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (path.segments().isEmpty()) {
            return value;
        }
        try {
            return path.read(value);
        } catch (PathReadException e) {
            throw new StateFailure(ErrorNames.RUNTIME, "Invalid path '" + path.text() + "' for " + field + ": " + e.getMessage());
        }
    }
}
