package dev.samokoder.services.imports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ZipImportTest {

    private static final ZipImport.Limits LIMITS = new ZipImport.Limits(1 << 20, 100, 64 * 1024, 256 * 1024);
    private static final String LINK = Zips.LINK;

    private static byte[] zip(Map<String, String> entries) throws IOException {
        return Zips.of(entries);
    }

    private static Map<String, String> entries(String... pairs) {
        Map<String, String> entries = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            entries.put(pairs[i], pairs[i + 1]);
        }
        return entries;
    }

    private static ImportRefusedException.Reason refusal(Map<String, String> entries) {
        try {
            ZipImport.read(zip(entries), LIMITS);
        } catch (ImportRefusedException e) {
            return e.reason();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("the import was not refused");
    }

    @Test
    void aRepositoryDownload_losesItsTopFolder_gitDataAndDependencies_andKeepsBinariesMarked() throws IOException {
        ZipImport.Contents contents = ZipImport.read(zip(entries(
                "todo-main/package.json", "{\"name\": \"todo\"}",
                "todo-main/src/server.js", "require('http')",
                "todo-main/logo.png", "\u0089PNG\u0000\u0001",
                "todo-main/.git/HEAD", "ref: refs/heads/main",
                "todo-main/node_modules/left-pad/index.js", "module.exports = 1",
                "todo-main/docs/link.md", LINK + "../package.json")), LIMITS);

        assertThat(contents.files()).extracting(f -> f.path().value())
                .containsExactly("package.json", "src/server.js", "logo.png");
        assertThat(contents.files()).filteredOn(ZipImport.ImportedFile::binary).extracting(f -> f.path().value())
                .containsExactly("logo.png");
        // a line per left-out folder, however many files it had
        assertThat(contents.skipped()).containsExactlyInAnyOrder(
                "todo-main/docs/link.md: a symbolic link (to ../package.json), not kept",
                "todo-main/.git/: 1 file(s), git's own data, not kept",
                "todo-main/node_modules/: 1 file(s), installed dependencies, not kept");
    }

    @Test
    void pathsOutOfTheTree_absolutePaths_andLinksOutOfIt_areRefused_eachForItsReason() {
        assertThat(refusal(entries("app/../../etc/cron.d/x", "x"))).isEqualTo(ImportRefusedException.Reason.PATH_TRAVERSAL);
        assertThat(refusal(entries("..\\..\\evil.js", "x"))).isEqualTo(ImportRefusedException.Reason.PATH_TRAVERSAL);
        assertThat(refusal(entries("/etc/passwd", "x"))).isEqualTo(ImportRefusedException.Reason.ABSOLUTE_PATH);
        assertThat(refusal(entries("C:/Windows/win.ini", "x"))).isEqualTo(ImportRefusedException.Reason.ABSOLUTE_PATH);
        assertThat(refusal(entries("app/secrets", LINK + "/etc/shadow"))).isEqualTo(ImportRefusedException.Reason.SYMLINK_ESCAPES);
        assertThat(refusal(entries("app/up", LINK + "../../outside"))).isEqualTo(ImportRefusedException.Reason.SYMLINK_ESCAPES);
        assertThat(refusal(entries("app/\u0001bell", "x"))).isEqualTo(ImportRefusedException.Reason.INVALID_PATH);
    }

    @Test
    void limitsHoldOnWhatIsUnpacked_notOnWhatTheArchiveSays() throws IOException {
        String big = "a".repeat(64 * 1024 + 1);
        assertThat(refusal(entries("big.txt", big))).isEqualTo(ImportRefusedException.Reason.FILE_TOO_LARGE);
        // five files under the file limit each, over the total together: a zip bomb stops at the limit
        Map<String, String> bomb = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            bomb.put("part" + i + ".txt", "z".repeat(60 * 1024));
        }
        assertThat(refusal(bomb)).isEqualTo(ImportRefusedException.Reason.TOO_LARGE);
        Map<String, String> many = new LinkedHashMap<>();
        for (int i = 0; i <= LIMITS.maxFiles(); i++) {
            many.put("f" + i + ".txt", "x");
        }
        assertThat(refusal(many)).isEqualTo(ImportRefusedException.Reason.TOO_MANY_FILES);
        byte[] small = zip(entries("a.txt", "a"));
        assertThatThrownBy(() -> ZipImport.read(small, new ZipImport.Limits(small.length - 1, 100, 1024, 1024)))
                .isInstanceOfSatisfying(ImportRefusedException.class, e -> assertThat(e.reason()).isEqualTo(ImportRefusedException.Reason.TOO_LARGE));
    }

    @Test
    void whatIsNotAZipSaysSo() {
        assertThatThrownBy(() -> ZipImport.read("just text".getBytes(StandardCharsets.UTF_8), LIMITS))
                .isInstanceOfSatisfying(ImportRefusedException.class, e -> assertThat(e.reason()).isEqualTo(ImportRefusedException.Reason.NOT_A_ZIP));
        assertThat(ImportRefusedException.Reason.SYMLINK_ESCAPES.problemType()).isEqualTo("import-symlink-escapes");
    }
}
