package dev.samokoder.local.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The programs the local sandbox starts, found on this machine, and what this bubblewrap supports. */
/**
 * @param socat the bridge from a sandbox's loopback to the egress proxy's socket: only installs need it, and it
 *              must be under /usr, the only program folder the sandbox sees
 */
record BubblewrapInstallation(Path bwrap, Path setpriv, boolean disableUserns, Optional<Path> socat) {

    private static final Pattern VERSION = Pattern.compile("bubblewrap (\\d+)\\.(\\d+)");

    /** Finds the programs on PATH (and in the usual system folders); the error says which package to install. */
    static BubblewrapInstallation find(boolean needSetpriv) throws SandboxUnavailableException {
        return find(needSetpriv, searchPath());
    }

    /** This process's PATH, then the usual system folders. */
    static String searchPath() {
        return System.getenv().getOrDefault("PATH", "") + ":/usr/bin:/bin:/usr/sbin:/sbin";
    }

    static BubblewrapInstallation find(boolean needSetpriv, String searchPath) throws SandboxUnavailableException {
        Path bwrap = program("bwrap", searchPath).orElseThrow(() -> new SandboxUnavailableException(
                "bubblewrap is not installed, and the platform does not run generated code without a sandbox. Install the "
                        + "package 'bubblewrap' (Debian/Ubuntu: apt-get install bubblewrap; Fedora: dnf install bubblewrap; "
                        + "Arch: pacman -S bubblewrap)"));
        String utilLinux = " is missing: install the package 'util-linux' (Debian/Ubuntu: apt-get install util-linux)";
        Path setpriv = program("setpriv", searchPath).orElse(null);
        if (needSetpriv && setpriv == null) {
            throw new SandboxUnavailableException("setpriv (to drop root before the sandbox starts)" + utilLinux);
        }
        return new BubblewrapInstallation(bwrap, setpriv == null ? Path.of("/usr/bin/setpriv") : setpriv, supportsDisableUserns(bwrap),
                program("socat", "/usr/bin:/usr/local/bin"));
    }

    private static Optional<Path> program(String name, String searchPath) {
        for (String folder : searchPath.split(":")) {
            if (!folder.isEmpty()) {
                Path candidate = Path.of(folder, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** --disable-userns (no user namespaces inside the sandbox) came with bubblewrap 0.8.0. */
    private static boolean supportsDisableUserns(Path bwrap) {
        try {
            Process process = new ProcessBuilder(bwrap.toString(), "--version").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(5, TimeUnit.SECONDS);
            Matcher version = VERSION.matcher(output);
            return version.find() && (Integer.parseInt(version.group(1)) > 0 || Integer.parseInt(version.group(2)) >= 8);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
