package dev.samokoder.workflow.answers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A prompt resource with named slots ({@code {{description}}}). Slots are filled in one pass, so
 * a value that itself contains {@code {{...}}} (a user's text, a file) is never expanded again.
 */
public final class PromptTemplate {

    static final String FOLDER = "/dev/samokoder/workflow/prompts/";
    private static final Pattern SLOT = Pattern.compile("\\{\\{([a-zA-Z][a-zA-Z0-9]*)}}");

    private final String name;
    private final String text;

    private PromptTemplate(String name, String text) {
        this.name = name;
        this.text = text;
    }

    public static PromptTemplate load(String name) {
        try (InputStream in = PromptTemplate.class.getResourceAsStream(FOLDER + name + ".txt")) {
            if (in == null) {
                throw new IllegalArgumentException("no prompt resource " + FOLDER + name + ".txt");
            }
            return new PromptTemplate(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the prompt " + name, e);
        }
    }

    /** @throws IllegalArgumentException if the template names a slot that {@code slots} lacks */
    public String render(Map<String, String> slots) {
        Matcher matcher = SLOT.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (matcher.find()) {
            String value = slots.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException("prompt " + name + " needs the slot " + matcher.group(1));
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /**
     * Text that is data, never instructions, fenced so it cannot close its own fence: the fence is
     * longer than any run of backticks inside.
     */
    public static String data(String content) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < content.length(); i++) {
            run = content.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        return fence + "data\n" + content + "\n" + fence;
    }
}
