package dev.samokoder.local.sfn.asl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.samokoder.local.sfn.asl.FieldReader.PathKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Parses Retry and Catch, enforcing that States.ALL stands alone in the last retrier or catcher. */
final class ErrorHandlingParser {

    private static final Set<String> RETRIER_FIELDS = Set.of("ErrorEquals", "IntervalSeconds", "MaxAttempts",
            "BackoffRate", "MaxDelaySeconds", "JitterStrategy", "Comment");
    private static final Set<String> CATCHER_FIELDS = Set.of("ErrorEquals", "ResultPath", "Next", "Comment");

    ErrorHandling parse(FieldReader state) {
        return new ErrorHandling(retriers(state), catchers(state));
    }

    private List<Retrier> retriers(FieldReader state) {
        List<Retrier> retriers = new ArrayList<>();
        JsonNode retry = state.node().get("Retry");
        if (retry == null) {
            return retriers;
        }
        if (!retry.isArray()) {
            state.problem("Retry", "'Retry' must be an array");
            return retriers;
        }
        for (int i = 0; i < retry.size(); i++) {
            FieldReader fields = element(state, "Retry", i, retry.get(i));
            if (fields == null) {
                continue;
            }
            fields.rejectUnknownFields(RETRIER_FIELDS, "a retrier");
            List<String> errors = errorEquals(fields, i == retry.size() - 1, "Retry");
            Integer interval = fields.integer("IntervalSeconds", 1);
            Integer maxAttempts = fields.integer("MaxAttempts", 0);
            Double backoff = fields.number("BackoffRate", 1.0);
            Integer maxDelay = fields.integer("MaxDelaySeconds", 1);
            String jitter = fields.string("JitterStrategy", false);
            Retrier.JitterStrategy strategy = Retrier.JitterStrategy.NONE;
            if (jitter != null) {
                try {
                    strategy = Retrier.JitterStrategy.valueOf(jitter);
                } catch (IllegalArgumentException e) {
                    fields.problem("JitterStrategy", "'JitterStrategy' must be FULL or NONE");
                }
            }
            retriers.add(new Retrier(errors,
                    interval == null ? Retrier.DEFAULT_INTERVAL_SECONDS : interval,
                    maxAttempts == null ? Retrier.DEFAULT_MAX_ATTEMPTS : maxAttempts,
                    backoff == null ? Retrier.DEFAULT_BACKOFF_RATE : backoff,
                    maxDelay, strategy));
        }
        return retriers;
    }

    private List<Catcher> catchers(FieldReader state) {
        List<Catcher> catchers = new ArrayList<>();
        JsonNode catchNode = state.node().get("Catch");
        if (catchNode == null) {
            return catchers;
        }
        if (!catchNode.isArray()) {
            state.problem("Catch", "'Catch' must be an array");
            return catchers;
        }
        for (int i = 0; i < catchNode.size(); i++) {
            FieldReader fields = element(state, "Catch", i, catchNode.get(i));
            if (fields == null) {
                continue;
            }
            fields.rejectUnknownFields(CATCHER_FIELDS, "a catcher");
            List<String> errors = errorEquals(fields, i == catchNode.size() - 1, "Catch");
            String next = fields.string("Next", true);
            catchers.add(new Catcher(errors, fields.pathOrRoot("ResultPath", PathKind.INPUT_REFERENCE_PATH), next));
        }
        return catchers;
    }

    private static FieldReader element(FieldReader state, String field, int index, JsonNode node) {
        if (!node.isObject()) {
            state.problem(field, field + "[" + index + "] must be a JSON object");
            return null;
        }
        return state.nested(node, "/" + field + "/" + index);
    }

    private static List<String> errorEquals(FieldReader fields, boolean last, String owner) {
        JsonNode node = fields.node().get("ErrorEquals");
        List<String> errors = new ArrayList<>();
        if (node == null || !node.isArray() || node.isEmpty()) {
            fields.problem("ErrorEquals", "'ErrorEquals' must be a non-empty array of error names");
            return errors;
        }
        node.forEach(e -> errors.add(e.asText()));
        if (errors.contains("States.ALL") && errors.size() > 1) {
            fields.problem("ErrorEquals", "States.ALL must appear alone in ErrorEquals");
        }
        if (errors.contains("States.ALL") && !last) {
            fields.problem("ErrorEquals", "a " + owner + " element with States.ALL must be the last one");
        }
        return errors;
    }
}
