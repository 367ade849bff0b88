package dev.samokoder.core.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's "Repository layout" table names every top-level folder, and only folders that exist. */
class ReadmeLayoutTest {

    private static final Path ROOT = Path.of("..");
    /** Build output and local data (all in .gitignore), not part of the repository. */
    private static final Set<String> NOT_IN_THE_REPOSITORY = Set.of("target", "node_modules", "demo-output");
    private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)/` \\|", Pattern.MULTILINE);

    private static String layoutTable() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        int start = readme.indexOf("## Repository layout");
        assertThat(start).as("README has a Repository layout section").isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    private static List<String> topLevelFolders() throws IOException {
        try (Stream<Path> entries = Files.list(ROOT)) {
            return entries.filter(Files::isDirectory)
                    .map(path -> path.getFileName().toString())
                    .filter(name -> !name.startsWith(".") || name.equals(".ci"))
                    .filter(name -> !NOT_IN_THE_REPOSITORY.contains(name))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void everyTopLevelFolderHasARow() throws IOException {
        String table = layoutTable();

        assertThat(topLevelFolders()).isNotEmpty().allSatisfy(folder ->
                assertThat(table).as(folder).containsPattern("(?m)^\\| `" + Pattern.quote(folder) + "/"));
    }

    @Test
    void everyRowNamesAFolderThatExists() throws IOException {
        Matcher rows = ROW.matcher(layoutTable());
        int count = 0;
        while (rows.find()) {
            count++;
            assertThat(ROOT.resolve(rows.group(1))).as(rows.group(1)).isDirectory();
        }
        assertThat(count).isPositive();
    }
}
