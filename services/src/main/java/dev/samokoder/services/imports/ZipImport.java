package dev.samokoder.services.imports;

import dev.samokoder.core.domain.WorkspacePath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Reads a project's files out of a zip archive, trusting nothing in it. Entries are read from the central directory;
 * every limit is enforced on the bytes actually unpacked, not on the sizes the archive claims: the archive's size, the
 * number of files, one file's size, and the total unpacked (a zip bomb stops at the limit). An entry whose path is
 * absolute or climbs out of the tree ({@code ..}), or a symbolic link that points out of it, refuses the whole import
 * before anything is written. Links inside the tree, folders, {@code .git/} and {@code node_modules/} are left out
 * (and said); a single folder all entries share and some are right in (a GitHub download's {@code repo-main/}) is
 * taken off. Binary files
 * are kept, and marked: the agents' tools never show them to a model.
 */
public final class ZipImport {

    /** @param maxZipBytes the archive; @param maxTotalBytes all files unpacked */
    public record Limits(long maxZipBytes, int maxFiles, long maxFileBytes, long maxTotalBytes) {
    }

    public record ImportedFile(WorkspacePath path, byte[] content, boolean binary) {
    }

    /** The files to write, and what was left out of the archive, each with why. */
    public record Contents(List<ImportedFile> files, List<String> skipped) {
    }

    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");
    private static final List<String> LEFT_OUT_FOLDERS = List.of(".git", "node_modules");
    private static final int TEXT_SNIFF_BYTES = 8 * 1024;
    /** What is said of what was left out, at most (a link each, a line per left-out folder). */
    private static final int MAX_SKIPPED = 50;

    private ZipImport() {
    }

    public static Contents read(byte[] zip, Limits limits) {
        if (zip.length > limits.maxZipBytes()) {
            throw new ImportRefusedException(ImportRefusedException.Reason.TOO_LARGE,
                    "the archive is " + zip.length + " bytes; at most " + limits.maxZipBytes() + " may be imported this way");
        }
        List<Unpacked> unpacked = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Map<String, Integer> leftOutFolders = new LinkedHashMap<>();
        long total = 0;
        try (ZipFile archive = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(zip)).get()) {
            for (ZipArchiveEntry entry : Collections.list(archive.getEntries())) {
                String name = entry.getName().replace('\\', '/');
                checkPath(name);
                if (entry.isDirectory()) {
                    continue;
                }
                if (entry.isUnixSymlink()) {
                    String target;
                    try (InputStream in = archive.getInputStream(entry)) {
                        target = new String(bounded(in, 4096, name), StandardCharsets.UTF_8);
                    }
                    checkLink(name, target);
                    skipped.add(name + ": a symbolic link (to " + target + "), not kept");
                    continue;
                }
                String leftOut = leftOut(name);
                if (leftOut != null) {
                    leftOutFolders.merge(leftOut, 1, Integer::sum);
                    continue;
                }
                if (unpacked.size() >= limits.maxFiles()) {
                    throw new ImportRefusedException(ImportRefusedException.Reason.TOO_MANY_FILES,
                            "the archive has more than " + limits.maxFiles() + " files");
                }
                byte[] content;
                try (InputStream in = archive.getInputStream(entry)) {
                    content = bounded(in, limits.maxFileBytes(), name);
                }
                total += content.length;
                if (total > limits.maxTotalBytes()) {
                    throw new ImportRefusedException(ImportRefusedException.Reason.TOO_LARGE,
                            "the archive unpacks to more than " + limits.maxTotalBytes() + " bytes");
                }
                unpacked.add(new Unpacked(name, content));
            }
        } catch (IOException e) {
            throw new ImportRefusedException(ImportRefusedException.Reason.NOT_A_ZIP, "not a readable zip archive: " + e.getMessage());
        }
        String common = commonFolder(unpacked);
        List<ImportedFile> files = new ArrayList<>();
        for (Unpacked file : unpacked) {
            String path = file.name().substring(common.length());
            String problem = WorkspacePath.problem(path);
            if (problem != null) {
                throw new ImportRefusedException(ImportRefusedException.Reason.INVALID_PATH, "'" + path + "': " + problem);
            }
            files.add(new ImportedFile(WorkspacePath.of(path), file.content(), binary(file.content())));
        }
        leftOutFolders.forEach((folder, count) -> skipped.add(folder + ": " + count + " file(s), "
                + (folder.endsWith(".git/") ? "git's own data" : "installed dependencies") + ", not kept"));
        return new Contents(files, skipped.size() <= MAX_SKIPPED ? skipped : shortened(skipped));
    }

    private static List<String> shortened(List<String> skipped) {
        List<String> shown = new ArrayList<>(skipped.subList(0, MAX_SKIPPED));
        shown.add("… and " + (skipped.size() - MAX_SKIPPED) + " more");
        return shown;
    }

    private record Unpacked(String name, byte[] content) {
    }

    private static void checkPath(String name) {
        if (name.startsWith("/") || DRIVE.matcher(name).matches()) {
            throw new ImportRefusedException(ImportRefusedException.Reason.ABSOLUTE_PATH, "'" + name + "' is an absolute path");
        }
        for (String segment : name.split("/")) {
            if (segment.equals("..")) {
                throw new ImportRefusedException(ImportRefusedException.Reason.PATH_TRAVERSAL, "'" + name + "' climbs out of the tree");
            }
        }
    }

    /** A link's target, resolved from the link's folder, must stay inside the tree. */
    private static void checkLink(String name, String target) {
        if (target.startsWith("/") || DRIVE.matcher(target).matches()) {
            throw new ImportRefusedException(ImportRefusedException.Reason.SYMLINK_ESCAPES,
                    "'" + name + "' is a symbolic link to the absolute path " + target);
        }
        int depth = name.split("/").length - 1;
        for (String segment : target.replace('\\', '/').split("/")) {
            if (segment.equals("..")) {
                depth--;
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                depth++;
            }
            if (depth < 0) {
                throw new ImportRefusedException(ImportRefusedException.Reason.SYMLINK_ESCAPES,
                        "'" + name + "' is a symbolic link out of the tree (to " + target + ")");
            }
        }
    }

    /**
     * The folder a file is left out with ({@code todo-main/.git/}), or null: git's own data and installed dependencies
     * are never a project's files.
     */
    private static String leftOut(String name) {
        for (String folder : LEFT_OUT_FOLDERS) {
            int at = name.startsWith(folder + "/") ? 0 : name.indexOf("/" + folder + "/") + 1;
            if (at == 0 && name.startsWith(folder + "/") || at > 0) {
                return name.substring(0, at + folder.length() + 1);
            }
        }
        return null;
    }

    /** The folder every file is in ({@code repo-main/}), or empty. */
    private static String commonFolder(List<Unpacked> files) {
        if (files.isEmpty() || !files.getFirst().name().contains("/")) {
            return "";
        }
        String first = files.getFirst().name();
        String folder = first.substring(0, first.indexOf('/') + 1);
        // a download of a repository: every file under one folder, some of them right in it (its README, its manifest)
        boolean allUnder = files.stream().allMatch(file -> file.name().startsWith(folder));
        boolean someDirectly = files.stream().anyMatch(file -> file.name().indexOf('/', folder.length()) < 0);
        return allUnder && someDirectly ? folder : "";
    }

    /** All of a stream, refused once it passes {@code max} bytes (whatever the archive said its size was). */
    private static byte[] bounded(InputStream in, long max, String name) throws IOException {
        byte[] read = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        if (read.length > max) {
            throw new ImportRefusedException(ImportRefusedException.Reason.FILE_TOO_LARGE,
                    "'" + name + "' is larger than " + max + " bytes");
        }
        return read;
    }

    /** UTF-8 text without NUL in its first bytes, or binary. */
    static boolean binary(byte[] content) {
        int length = Math.min(content.length, TEXT_SNIFF_BYTES);
        for (int i = 0; i < length; i++) {
            if (content[i] == 0) {
                return true;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content, 0, length));
            return false;
        } catch (CharacterCodingException e) {
            // a multi-byte character cut at the sniffing boundary is still text
            return length == TEXT_SNIFF_BYTES ? !decodesUpTo(content, length) : true;
        }
    }

    private static boolean decodesUpTo(byte[] content, int length) {
        for (int cut = 1; cut <= 3; cut++) {
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(content, 0, length - cut));
                return true;
            } catch (CharacterCodingException e) {
                // try a byte shorter
            }
        }
        return false;
    }
}
