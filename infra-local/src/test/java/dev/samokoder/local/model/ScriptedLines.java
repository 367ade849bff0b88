package dev.samokoder.local.model;

import java.util.regex.Pattern;

/** read_file's numbered lines as a scripted model reads them. */
final class ScriptedLines {

    private static final Pattern GUTTER = Pattern.compile("^\\s*\\d+│ ");

    private ScriptedLines() {
    }

    /** What a read of a whole file showed: its lines without the header and the numbers. */
    static String text(String read) {
        return String.join("\n", read.lines().skip(1).map(ScriptedLines::withoutGutter).toList()) + "\n";
    }

    /** The line's text without its number; a line that has none (the header, a note) comes back as it is. */
    static String withoutGutter(String line) {
        return GUTTER.matcher(line).replaceFirst("");
    }
}
