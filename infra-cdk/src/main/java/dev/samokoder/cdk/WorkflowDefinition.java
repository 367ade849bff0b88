package dev.samokoder.cdk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code workflow/generation.asl.json} as the stack deploys it: the text itself (inlined, so the
 * template shows it and tests can read it) and its {@code ${Name}} placeholders, which
 * CloudFormation's DefinitionSubstitutions fill. The same placeholder syntax as local mode's
 * {@code GenerationStateMachine}: each {@code ${XyzFunction}} is one Lambda running the agents'
 * StepHandler as step {@code XYZ}; the {@code ${Sandbox...}} ones are the ECS task's parts.
 * The function list is derived from the file, so a state the lead adds gets its Lambda.
 */
public record WorkflowDefinition(String text) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9]+)}");
    static final String FUNCTION_SUFFIX = "Function";
    static final String CLUSTER = "SandboxCluster";
    static final String TASK_DEFINITION = "SandboxTaskDefinition";
    static final String SUBNET = "SandboxSubnet";
    static final String SECURITY_GROUP = "SandboxSecurityGroup";
    static final String REGISTRY_SECURITY_GROUP = "SandboxRegistrySecurityGroup";

    public static WorkflowDefinition read(Path file) {
        try {
            return new WorkflowDefinition(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the state machine definition " + file, e);
        }
    }

    /** Every placeholder the definition uses. */
    public SortedSet<String> placeholders() {
        SortedSet<String> names = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** The placeholders naming a workflow function ({@code SpecWriterFunction}, ...). */
    public SortedSet<String> functionPlaceholders() {
        SortedSet<String> functions = new TreeSet<>();
        for (String placeholder : placeholders()) {
            if (placeholder.endsWith(FUNCTION_SUFFIX) && placeholder.length() > FUNCTION_SUFFIX.length()) {
                functions.add(placeholder);
            }
        }
        return functions;
    }

    /** {@code SpecWriterFunction} → {@code SPEC_WRITER}: the handler's {@code SAMOKODER_STEP}. */
    public static String step(String functionPlaceholder) {
        return base(functionPlaceholder).replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    /** {@code SpecWriterFunction} → {@code spec-writer}: the function's name after the stage prefix (as locally). */
    public static String functionName(String functionPlaceholder) {
        return base(functionPlaceholder).replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static String base(String functionPlaceholder) {
        if (!functionPlaceholder.endsWith(FUNCTION_SUFFIX)) {
            throw new IllegalArgumentException("not a function placeholder: " + functionPlaceholder);
        }
        return functionPlaceholder.substring(0, functionPlaceholder.length() - FUNCTION_SUFFIX.length());
    }
}
