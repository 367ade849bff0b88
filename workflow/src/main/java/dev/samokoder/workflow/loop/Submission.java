package dev.samokoder.workflow.loop;

import dev.samokoder.core.llm.ToolSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How a step ends: the model calls {@value #TOOL} with the step's answer, whose parameters are the
 * agent's JSON Schema (resource {@code schemas/<name>.json}). The schema checked here is the
 * authority, whatever the provider enforced; checks a schema cannot express (a path that must stay
 * in the workspace, a command the policy refuses, a reviewer's verdict) come after it.
 */
public final class Submission {

    public static final String TOOL = "submit";
    static final String SCHEMA_FOLDER = "/dev/samokoder/workflow/schemas/";
    private static final int MAX_PROBLEMS_SHOWN = 10;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final Map<String, Loaded> CACHE = new ConcurrentHashMap<>();

    /** What a check found: problems make the answer invalid (they count against the re-ask bound); revisions ask for another version. */
    public record Verdict(List<String> problems, List<String> revisions) {

        public static final Verdict ACCEPTED = new Verdict(List.of(), List.of());

        public Verdict {
            problems = List.copyOf(problems);
            revisions = List.copyOf(revisions);
        }

        public static Verdict problems(List<String> problems) {
            return new Verdict(problems, List.of());
        }

        public boolean accepted() {
            return problems.isEmpty() && revisions.isEmpty();
        }
    }

    /** A check after the schema's. */
    @FunctionalInterface
    public interface Check {
        /**
         * @param attempt this submit's number in the step, from 1
         * @param memory  what the step's tools remember and the facts it started with
         */
        Verdict check(JsonNode answer, int attempt, StepMemory memory);
    }

    private record Loaded(JsonNode schema, JsonSchema validator) {
    }

    private final String name;
    private final String description;
    private final Loaded schema;
    private final Check check;

    private Submission(String name, String description, Check check) {
        this.name = name;
        this.description = description;
        this.schema = CACHE.computeIfAbsent(name, Submission::load);
        this.check = check;
    }

    /**
     * @param schemaName  the agent's schema resource
     * @param description what the answer is, for the model (the tool's description starts with how to finish)
     */
    public static Submission of(String schemaName, String description) {
        return new Submission(schemaName, description, (answer, attempt, memory) -> Verdict.ACCEPTED);
    }

    public Submission withCheck(Check more) {
        Check first = check;
        return new Submission(name, description, (answer, attempt, memory) -> {
            Verdict verdict = first.check(answer, attempt, memory);
            return verdict.accepted() ? more.check(answer, attempt, memory) : verdict;
        });
    }

    /** The problems with a plain schema check only: simple answers with a one-off check (a path that must stay in the workspace). */
    public Submission withProblems(java.util.function.Function<JsonNode, List<String>> problems) {
        return withCheck((answer, attempt, memory) -> Verdict.problems(problems.apply(answer)));
    }

    public String schemaName() {
        return name;
    }

    public ToolSpec spec() {
        return new ToolSpec(TOOL, "Finish this step by calling submit once, with " + description
                + " The answer is checked; if it is refused you are told why, and you may fix it and call submit again.", schema.schema());
    }

    /** The schema's verdict, then the checks'. */
    Verdict judge(JsonNode answer, int attempt, StepMemory memory) {
        List<String> problems = validate(schema.validator(), answer);
        return problems.isEmpty() ? check.check(answer, attempt, memory) : Verdict.problems(problems);
    }

    static List<String> validate(JsonSchema validator, JsonNode answer) {
        if (answer == null || !answer.isObject()) {
            return List.of("the arguments must be one JSON object");
        }
        List<String> problems = new ArrayList<>();
        for (ValidationMessage message : validator.validate(answer)) {
            problems.add(message.getMessage());
        }
        return problems.stream().sorted().limit(MAX_PROBLEMS_SHOWN).toList();
    }

    static JsonSchema compile(JsonNode schema) {
        return SCHEMAS.getSchema(schema);
    }

    private static Loaded load(String name) {
        try (InputStream in = Submission.class.getResourceAsStream(SCHEMA_FOLDER + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no schema resource " + SCHEMA_FOLDER + name + ".json");
            }
            JsonNode tree = MAPPER.readTree(in);
            ((com.fasterxml.jackson.databind.node.ObjectNode) tree).remove("$schema"); // providers want the bare object schema
            return new Loaded(tree, SCHEMAS.getSchema(tree));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the schema " + name, e);
        }
    }
}
