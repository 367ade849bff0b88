package dev.samokoder.services.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.commons.compress.archivers.zip.UnixStat;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/** Zip archives for tests, hostile ones included: any entry name, and symbolic links. */
public final class Zips {

    /** An entry's content that starts with this makes it a symbolic link to the rest. */
    public static final String LINK = "\u0000link:";

    private Zips() {
    }

    /** A zip of these entries, in the map's order. */
    public static byte[] of(Map<String, String> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(bytes)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                ZipArchiveEntry entry = new ZipArchiveEntry(e.getKey());
                String content = e.getValue();
                if (content.startsWith(LINK)) {
                    entry.setUnixMode(UnixStat.LINK_FLAG | 0777);
                    content = content.substring(LINK.length());
                }
                out.putArchiveEntry(entry);
                out.write(content.getBytes(StandardCharsets.UTF_8));
                out.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
