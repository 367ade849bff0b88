package dev.samokoder.runner;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * What an install's packages are pinned by: the lockfiles at the workspace root of npm, Yarn, pnpm and pip (and
 * Poetry's and Pipenv's), hashed by name and content. Equal hashes mean the same packages, so one package-cache
 * archive per hash serves every execution of the project with those lockfiles.
 */
final class Lockfiles {

    static final List<String> NAMES = List.of("package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml",
            "requirements.txt", "poetry.lock", "Pipfile.lock");

    private Lockfiles() {
    }

    /**
     * The SHA-256 (hex) of the lockfiles that are regular files at the root of {@code workspace}; empty when there is
     * none. A link or anything else under a lockfile's name is not read (the install may have put it there).
     */
    static Optional<String> hash(Path workspace) throws IOException {
        MessageDigest digest = sha256();
        boolean any = false;
        for (String name : NAMES) {
            Path file = workspace.resolve(name);
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            any = true;
            // name, NUL, size, NUL, content: no two sets of files give the same bytes
            digest.update((name + "\0" + Files.size(file) + "\0").getBytes(StandardCharsets.UTF_8));
            try (InputStream in = Files.newInputStream(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
                byte[] buffer = new byte[64 * 1024];
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    digest.update(buffer, 0, read);
                }
            }
        }
        return any ? Optional.of(HexFormat.of().formatHex(digest.digest())) : Optional.empty();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
