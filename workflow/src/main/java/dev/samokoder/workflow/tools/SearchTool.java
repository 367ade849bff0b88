package dev.samokoder.workflow.tools;

import dev.samokoder.core.domain.FileEntry;
import dev.samokoder.core.llm.ToolSpec;
import dev.samokoder.sandbox.Glob;
import dev.samokoder.workflow.loop.AgentTool;
import dev.samokoder.workflow.loop.StepMemory;
import dev.samokoder.workflow.loop.ToolOutcome;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** search: a regular expression over the project's text files, answered as path:line: text. */
public final class SearchTool implements AgentTool {

    static final int MAX_MATCHES = 50;
    /** Files one search reads, and how large each may be: a bounded read whatever the project's size. */
    static final int MAX_FILES = 300;
    static final long MAX_FILE_BYTES = 512 * 1024;
    static final int MAX_LINE = 200;

    private final ProjectFiles files;

    public SearchTool(ProjectFiles files) {
        this.files = files;
    }

    @Override
    public ToolSpec spec() {
        var schema = ToolSchema.object(List.of("pattern"));
        ToolSchema.string(schema, "pattern", "a regular expression (Java syntax), e.g. createServer|listen\\(", 500);
        ToolSchema.string(schema, "glob", "which files to search, e.g. src/**/*.js; omit for all", 200);
        return new ToolSpec("search", "Search the project's text files for a regular expression (Java syntax, case-sensitive; "
                + "start it with (?i) to ignore case). Answers 'path:line: text' for up to " + MAX_MATCHES + " matching lines.", schema);
    }

    @Override
    public boolean readOnly() {
        return true;
    }

    @Override
    public ToolOutcome run(JsonNode arguments, StepMemory memory) {
        String expression = arguments.path("pattern").asText();
        Pattern pattern;
        try {
            pattern = Pattern.compile(expression);
        } catch (PatternSyntaxException bad) {
            return ToolOutcome.error("the pattern is not a valid regular expression: " + bad.getDescription()
                    + " (escape ( ) [ ] { } . * + ? with a backslash to match them as text)", null);
        }
        String glob = arguments.path("glob").asText("").strip();
        Pattern only = glob.isEmpty() ? null : Glob.toRegex(glob);
        ProjectFiles.Listing listing = files.list(MAX_FILES);
        StringBuilder out = new StringBuilder();
        int matches = 0;
        int searched = 0;
        boolean cut = false;
        for (FileEntry file : listing.files()) {
            if ((only != null && !only.matcher(file.path().value()).matches()) || file.blob().size() > MAX_FILE_BYTES) {
                continue;
            }
            String text;
            try {
                text = files.text(file);
            } catch (ProjectFiles.BinaryFileException binary) {
                continue;
            }
            searched++;
            String[] lines = ReadFileTool.lines(text);
            for (int i = 0; i < lines.length && !cut; i++) {
                Matcher matcher = pattern.matcher(lines[i]);
                if (matcher.find()) {
                    if (matches == MAX_MATCHES) {
                        cut = true;
                        break;
                    }
                    matches++;
                    String line = lines[i].strip();
                    out.append(file.path().value()).append(':').append(i + 1).append(": ")
                            .append(line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + " …" : line).append('\n');
                }
            }
            if (cut) {
                break;
            }
        }
        String what = "searched for /" + expression + "/" + (glob.isEmpty() ? "" : " in " + glob);
        if (matches == 0) {
            String none = "No matches for /" + expression + "/ in " + searched + " text file(s)" + (glob.isEmpty() ? "" : " matching " + glob) + ".";
            return ToolOutcome.ok(none, what + ": no matches", what + ": no matches", null, false);
        }
        if (cut) {
            out.append("… more matches not shown: narrow the pattern or the glob.\n");
        } else if (listing.more()) {
            out.append("(only the first ").append(MAX_FILES).append(" files were searched: narrow with a glob)\n");
        }
        return ToolOutcome.ok(out.toString().strip(), what + ": " + matches + " match(es)", what + " (" + matches + " match(es))", null, false)
                .with("pattern", expression).with("matches", Integer.toString(matches));
    }
}
