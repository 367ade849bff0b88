package dev.samokoder.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code scripts/dev} as a process of its own, for tests that kill, signal or restart it. */
public final class LocalMainProcesses {

    private LocalMainProcesses() {
    }

    /**
     * The JVM command {@code scripts/dev} runs, on this test's classpath, with the local logging
     * and a small Argon2 cost; the platform keeps its data in {@code dataDir} and picks a free
     * port (it prints the one it got). Callers add their own environment before starting it.
     */
    public static ProcessBuilder builder(Path dataDir) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-XX:+UseSerialGC", "-Dlogback.configurationFile=logback-local.xml"));
        if (Runtime.version().feature() >= 24) {
            command.addAll(List.of("--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), LocalMain.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("SAMOKODER_DATA_DIR", dataDir.toString());
        builder.environment().put("SAMOKODER_PORT", "0");
        builder.environment().put("SAMOKODER_STATIC_DIR", dataDir.resolve("no-web-app").toString());
        builder.environment().put("SAMOKODER_ARGON2_MEMORY_KIB", "1024");
        builder.environment().put("SAMOKODER_ARGON2_ITERATIONS", "1");
        return builder;
    }
}
