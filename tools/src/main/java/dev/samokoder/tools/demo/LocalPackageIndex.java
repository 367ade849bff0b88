package dev.samokoder.tools.demo;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.SimpleFileServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PyPI-compatible package index on this machine, for demos and tests on machines that reach no PyPI: the
 * named Python distributions installed here (Debian's python3-flask and python3-pytest, say) and what they
 * require, repacked as pure-Python wheels ({@code wheelhouse.py}), served read-only over http on 127.0.0.1.
 * The platform's sandbox reaches it through its egress proxy once its {@code host:port} is allowed, and pip
 * installs from it with {@code SAMOKODER_SANDBOX_PIP_INDEX_URL} set to {@link #url()}.
 */
public final class LocalPackageIndex implements AutoCloseable {

    private static final Path SYSTEM_PYTHON = Path.of("/usr/bin/python3");

    private final HttpServer server;
    private final List<String> distributions;

    private LocalPackageIndex(HttpServer server, List<String> distributions) {
        this.server = server;
        this.distributions = List.copyOf(distributions);
    }

    /** Builds the wheels of {@code distributions} (and their requirements) into {@code dir}, and serves them. */
    public static LocalPackageIndex start(Path dir, List<String> distributions) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path script = dir.resolve("wheelhouse.py");
        try (InputStream in = LocalPackageIndex.class.getResourceAsStream("wheelhouse.py")) {
            Files.write(script, in.readAllBytes());
        }
        List<String> command = new ArrayList<>(List.of(SYSTEM_PYTHON.toString(), "-I", script.toString(), dir.resolve("index").toString()));
        command.addAll(distributions);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("could not build the local package index of " + String.join(", ", distributions) + " with "
                    + SYSTEM_PYTHON + ": " + output + (output.contains("not installed") ? "" : " (Debian: apt-get install -y python3-flask "
                    + "python3-pytest)"));
        }
        HttpServer server = SimpleFileServer.createFileServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                dir.resolve("index").toAbsolutePath(), SimpleFileServer.OutputLevel.NONE);
        server.start();
        return new LocalPackageIndex(server, List.of(output.split(" ")));
    }

    /** The index's simple/ URL, for PIP_INDEX_URL. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/simple/");
    }

    /** Every distribution it holds (the named ones and what they require), normalized names. */
    public List<String> distributions() {
        return distributions;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
