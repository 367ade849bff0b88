package dev.samokoder.local.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The generation workflow's definition, {@code workflow/generation.asl.json}: the one file both
 * the local engine and the CDK stack deploy. Resource names in it are {@code ${Name}}
 * placeholders, filled the way CloudFormation's DefinitionSubstitutions fill them on AWS.
 */
public final class GenerationStateMachine {

    public static final Path FILE = Path.of("workflow", "generation.asl.json");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9]+)}");

    private GenerationStateMachine() {
    }

    /** The definition from the repository root (or a parent of the working directory). */
    public static String read() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(FILE);
            if (Files.isRegularFile(candidate)) {
                try {
                    return Files.readString(candidate);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + candidate, e);
                }
            }
        }
        throw new IllegalStateException(FILE + " not found from " + Path.of("").toAbsolutePath());
    }

    /** The placeholders the definition uses. */
    public static TreeSet<String> placeholders(String definition) {
        TreeSet<String> names = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(definition);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** Fills every placeholder; one without a value is an error naming it, never a half-filled definition. */
    public static String substitute(String definition, Map<String, String> values) {
        TreeSet<String> missing = placeholders(definition);
        missing.removeAll(values.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("no value for definition placeholder(s) " + missing);
        }
        return PLACEHOLDER.matcher(definition).replaceAll(match -> Matcher.quoteReplacement(values.get(match.group(1))));
    }
}
