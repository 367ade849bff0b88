package dev.samokoder.workflow.tools;

import dev.samokoder.core.blob.BlobStore;
import dev.samokoder.core.domain.FileEntry;
import dev.samokoder.core.domain.Ids;
import dev.samokoder.core.domain.WorkspacePath;
import dev.samokoder.core.storage.FileIndexRepository;
import dev.samokoder.core.storage.SingleTable;
import dev.samokoder.core.storage.Storage;
import dev.samokoder.core.testing.LocalAws;
import dev.samokoder.core.testing.LocalAwsExtension;
import dev.samokoder.workflow.loop.AgentTool;
import dev.samokoder.workflow.loop.StepNotes;
import dev.samokoder.workflow.loop.ToolOutcome;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

import static org.assertj.core.api.Assertions.assertThat;

/** What the workspace tools do and say, as a model reads it. */
@ExtendWith(LocalAwsExtension.class)
class WorkspaceToolsIT {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SERVER = """
            'use strict';
            const http = require('node:http');

            function handle(req, res) {
              res.statusCode = 200;
              res.end('ok');
            }

            function other(req, res) {
              res.statusCode = 200;
              res.end('other');
            }

            module.exports = { handle, other };
            """;

    private Storage storage;
    private ProjectFiles files;
    private Map<String, AgentTool> tools;
    private final StepNotes memory = new StepNotes();

    @BeforeEach
    void setUp(LocalAws aws) {
        storage = aws.storage();
        files = new ProjectFiles(storage.files(), storage.blobs(), Ids.newId("prj"));
        files.write(WorkspacePath.of("src/server.js"), SERVER, Optional.of("the HTTP server"));
        files.write(WorkspacePath.of("img/logo.png"), new String(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1}, StandardCharsets.ISO_8859_1),
                Optional.empty());
        tools = new java.util.HashMap<>();
        Toolset.WORKSPACE.reading(files).forEach(tool -> tools.put(tool.spec().name(), tool));
        Toolset.WORKSPACE.writing(files, new WritePolicy(Set.of("src/server.js", "src/new.js", "src/moved.js")), 2_000)
                .forEach(tool -> tools.put(tool.spec().name(), tool));
    }

    @Test
    void readFile_showsNumberedLines_inAWindow_andSaysWhatIsNotShown() {
        String many = java.util.stream.IntStream.rangeClosed(1, 300).mapToObj(i -> "line " + i).collect(Collectors.joining("\n")) + "\n";
        files.write(WorkspacePath.of("long.txt"), many, Optional.empty());

        ToolOutcome first = call("read_file", args().put("path", "long.txt"));
        ToolOutcome tail = call("read_file", args().put("path", "long.txt").put("start_line", 290));

        assertThat(first.result()).startsWith("long.txt, lines 1–250 of 300:\n  1│ line 1\n")
                .contains("250│ line 250\n").doesNotContain("│ line 251").endsWith("(lines 251–300 not shown: read_file with start_line 251)\n");
        assertThat(tail.result()).contains("290│ line 290").contains("300│ line 300").doesNotContain("not shown");
        assertThat(first.activity()).contains("read long.txt (lines 1–250 of 300)");
        assertThat(memory.readPaths()).contains("long.txt");
    }

    @Test
    void readFile_ofAMissingOrBinaryFile_saysSo() {
        assertThat(call("read_file", args().put("path", "nope.js")).result()).isEqualTo("Error: nope.js does not exist. list_files shows the files there are.");
        assertThat(call("read_file", args().put("path", "img/logo.png")).result()).contains("binary file").contains("not shown");
        assertThat(call("read_file", args().put("path", "../etc/passwd")).result()).contains("refused").contains("'..'");
    }

    @Test
    void editFile_replacesTheOneExactMatch_afterTheFileWasRead() {
        call("read_file", args().put("path", "src/server.js"));

        ToolOutcome edit = call("edit_file", args().put("path", "src/server.js")
                .put("old_text", "function handle(req, res) {\n  res.statusCode = 200;").put("new_text", "function handle(req, res) {\n  res.statusCode = 201;"));

        assertThat(edit.error()).isFalse();
        assertThat(edit.result()).startsWith("Edited src/server.js: lines 4–5 now");
        assertThat(text("src/server.js")).contains("res.statusCode = 201;\n  res.end('ok')").contains("res.statusCode = 200;\n  res.end('other')");
        assertThat(edit.changed()).isTrue();
    }

    @Test
    void editFile_beforeTheFileWasRead_isRefused_withWhatToDo() {
        ToolOutcome edit = call("edit_file", args().put("path", "src/server.js").put("old_text", "'ok'").put("new_text", "'OK'"));

        assertThat(edit.error()).isTrue();
        assertThat(edit.result()).contains("read src/server.js with read_file first");
        assertThat(text("src/server.js")).isEqualTo(SERVER);
    }

    @Test
    void editFile_whoseTextMatchesTwice_namesTheLines_andChangesNothing() {
        call("read_file", args().put("path", "src/server.js"));

        ToolOutcome edit = call("edit_file", args().put("path", "src/server.js").put("old_text", "  res.statusCode = 200;").put("new_text", "x"));

        assertThat(edit.result()).contains("appears 2 times in src/server.js (at lines 5, 10)").contains("more of the surrounding lines");
        assertThat(text("src/server.js")).isEqualTo(SERVER);
    }

    @Test
    void editFile_whoseTextIsNotThere_showsTheNearestLines_numbered() {
        call("read_file", args().put("path", "src/server.js"));

        ToolOutcome edit = call("edit_file", args().put("path", "src/server.js")
                .put("old_text", "function handel(request, res) {").put("new_text", "x"));

        assertThat(edit.error()).isTrue();
        assertThat(edit.result()).contains("old_text is not in src/server.js").contains("\n4│ function handle(req, res) {")
                .contains("\n1│ 'use strict';").contains("\n7│ }");
        assertThat(text("src/server.js")).isEqualTo(SERVER);
    }

    @Test
    void editFile_whoseTextDiffersOnlyInIndentation_saysSo_withTheExactLines() {
        call("read_file", args().put("path", "src/server.js"));

        ToolOutcome edit = call("edit_file", args().put("path", "src/server.js")
                .put("old_text", "function other(req, res) {\nres.statusCode = 200;").put("new_text", "x"));

        assertThat(edit.result()).contains("matches lines 9–10 only when spaces and indentation are ignored").contains("10│   res.statusCode = 200;");
    }

    @Test
    void editFile_withReadFilesLineNumbersCopiedIn_appliesTheEdit_andSaysTheNumbersWereLeftOut() {
        call("read_file", args().put("path", "src/server.js"));

        ToolOutcome edit = call("edit_file", args().put("path", "src/server.js")
                .put("old_text", " 5│   res.statusCode = 200;\n 6│   res.end('ok');").put("new_text", " 5│   res.statusCode = 204;\n 6│   res.end();"));

        assertThat(edit.result()).contains("line numbers you copied from read_file were left out");
        assertThat(text("src/server.js")).contains("  res.statusCode = 204;\n  res.end();\n}");
    }

    @Test
    void writeFile_createsANewFile_butNeverOverwritesOne_andAppendAddsParts() {
        ToolOutcome exists = call("write_file", args().put("path", "src/server.js").put("content", "gone"));
        ToolOutcome created = call("write_file", args().put("path", "src/new.js").put("content", "a\n"));
        ToolOutcome appended = call("append_to_file", args().put("path", "src/new.js").put("content", "b\n"));

        assertThat(exists.result()).contains("src/server.js already exists (14 lines)").contains("edit_file");
        assertThat(text("src/server.js")).isEqualTo(SERVER);
        assertThat(created.result()).isEqualTo("Created src/new.js (1 lines).");
        assertThat(appended.result()).contains("it now has 2 lines");
        assertThat(text("src/new.js")).isEqualTo("a\nb\n");
        // a file this step wrote may be edited without reading it first
        assertThat(call("edit_file", args().put("path", "src/new.js").put("old_text", "b").put("new_text", "c")).error()).isFalse();
    }

    @Test
    void aFileOutsideTheStepsPolicy_isRefused_namingTheFileItMayChange() {
        ToolOutcome refused = call("write_file", args().put("path", "src/other.js").put("content", "x"));

        assertThat(refused.error()).isTrue();
        assertThat(refused.result()).contains("you may change only src/moved.js, src/new.js, src/server.js").contains("src/other.js is another step's file");
        assertThat(files.entry(WorkspacePath.of("src/other.js"))).isEmpty();
    }

    @Test
    void aFileLargerThanTheLimit_isRefused() {
        ToolOutcome big = call("write_file", args().put("path", "src/new.js").put("content", "x".repeat(2_001)));

        assertThat(big.result()).contains("2001 characters; a file may have at most 2000");
        assertThat(files.entry(WorkspacePath.of("src/new.js"))).isEmpty();
    }

    @Test
    void search_answersPathLineAndText_andSaysWhenNothingMatches() {
        ToolOutcome hits = call("search", args().put("pattern", "statusCode = \\d+"));
        ToolOutcome none = call("search", args().put("pattern", "createServer").put("glob", "src/**"));
        ToolOutcome bad = call("search", args().put("pattern", "handle("));

        assertThat(hits.result()).isEqualTo("src/server.js:5: res.statusCode = 200;\nsrc/server.js:10: res.statusCode = 200;");
        assertThat(none.result()).isEqualTo("No matches for /createServer/ in 1 text file(s) matching src/**.");
        assertThat(bad.result()).contains("not a valid regular expression").contains("escape");
    }

    @Test
    void listFiles_showsTheMapLines_andAGlobNarrowsThem() {
        assertThat(call("list_files", args()).result()).isEqualTo("img/logo.png (8 bytes) — (no summary)\nsrc/server.js (" + SERVER.length()
                + " bytes) — the HTTP server");
        assertThat(call("list_files", args().put("glob", "**/*.md")).result()).isEqualTo("No file matches '**/*.md'.");
    }

    @Test
    void renameAndDelete_moveTheEntryWithItsSummary_orRemoveIt() {
        ToolOutcome renamed = call("rename_file", args().put("from", "src/server.js").put("to", "src/moved.js"));
        String mapAfterRename = ProjectMap.render(files);
        ToolOutcome deleted = call("delete_file", args().put("path", "src/moved.js"));

        assertThat(renamed.result()).isEqualTo("Renamed src/server.js to src/moved.js.");
        assertThat(mapAfterRename).contains("src/moved.js (" + SERVER.length() + " bytes) — the HTTP server").doesNotContain("src/server.js");
        assertThat(deleted.result()).isEqualTo("Deleted src/moved.js.");
        assertThat(ProjectMap.render(files)).isEqualTo("img/logo.png (8 bytes) — (no summary)");
    }

    @Test
    void aStepThatWritesAFileAndDescribesIt_readsItsEntryOnce_andNeverFetchesWhatItWrote(LocalAws aws) {
        // given: a step's files whose DynamoDB and S3 requests are counted
        List<String> requests = new ArrayList<>();
        DynamoDbClient dynamoDb = counted(DynamoDbClient.class, aws.clients().dynamoDb(), requests);
        S3Client s3 = counted(S3Client.class, aws.clients().s3(), requests);
        ProjectFiles step = new ProjectFiles(new FileIndexRepository(dynamoDb, new SingleTable(dynamoDb, aws.config().aws().tableName()),
                Clock.systemUTC()), new BlobStore(s3, aws.config().aws().bucketName(), aws.config().limits().maxBlobBytes()),
                files.projectId());
        WorkspacePath path = WorkspacePath.of("src/new.js");
        String content = "module.exports = '" + Ids.newId("new") + "';\n"; // content no other test stored

        // when: CodeMonkey's path: is it there, write it, take what it wrote for the review, describe it
        assertThat(step.text(path)).isEmpty();
        step.write(path, content, Optional.empty());
        assertThat(step.lastWritten(path).map(step::text)).contains(content);
        step.describe(path, "exports one");

        // then: the entry was read once, no write re-read it, and the content was not fetched back
        assertThat(requests).containsExactly("getItem", "headObject", "putObject", "putItem", "putItem");
        assertThat(files.entry(path).orElseThrow().summary()).contains("exports one");
    }

    @Test
    void lastWritten_isWhatThisStepWrote_untilItDeletesThePath() {
        // given: a file another step wrote, and one this step writes
        WorkspacePath theirs = WorkspacePath.of("src/theirs.js");
        WorkspacePath mine = WorkspacePath.of("src/mine.js");
        new ProjectFiles(storage.files(), storage.blobs(), files.projectId()).write(theirs, "// theirs\n", Optional.empty());

        // when
        files.write(mine, "// one\n", Optional.empty());
        files.write(mine, "// two\n", Optional.empty());
        Optional<String> written = files.lastWritten(mine).map(files::text);
        Optional<FileEntry> notWritten = files.lastWritten(theirs);
        files.delete(mine);

        // then
        assertThat(written).contains("// two\n");
        assertThat(notWritten).isEmpty();
        assertThat(files.lastWritten(mine)).isEmpty();
    }

    @Test
    void aWriteAgainstAnEntryAnotherStepChangedSince_isMadeAgainOnTheFreshEntry() {
        // given: this step read the file, then another step changed it
        WorkspacePath path = WorkspacePath.of("src/server.js");
        assertThat(files.text(path)).contains(SERVER);
        ProjectFiles other = new ProjectFiles(storage.files(), storage.blobs(), files.projectId());
        other.write(path, "// the other step's version\n", Optional.empty());

        // when
        files.write(path, "// this step's version\n", Optional.empty());
        files.describe(path, "this step's server");

        // then: the last write wins, as when every write read the entry first, and the summary went onto it
        FileEntry stored = storage.files().get(files.projectId(), path).orElseThrow();
        assertThat(text("src/server.js")).isEqualTo("// this step's version\n");
        assertThat(stored.version()).isEqualTo(4);
        assertThat(stored.summary()).contains("this step's server");
    }

    @SuppressWarnings("unchecked")
    private static <T> T counted(Class<T> type, T real, List<String> requests) {
        return (T) Proxy.newProxyInstance(WorkspaceToolsIT.class.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            requests.add(method.getName());
            try {
                return method.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    private ToolOutcome call(String tool, ObjectNode arguments) {
        return tools.get(tool).run(arguments, memory);
    }

    private static ObjectNode args() {
        return MAPPER.createObjectNode();
    }

    private String text(String path) {
        return files.text(WorkspacePath.of(path)).orElseThrow();
    }
}
