package dev.samokoder.tools.bench;

import dev.samokoder.core.aws.AwsClients;
import dev.samokoder.core.blob.BlobRef;
import dev.samokoder.core.blob.BlobStore;
import dev.samokoder.core.config.SamokoderConfig;
import dev.samokoder.core.storage.PlatformResources;
import dev.samokoder.embedded.EmbeddedAws;
import dev.samokoder.local.sandbox.SandboxUnavailableException;
import dev.samokoder.local.sandbox.StandaloneSandbox;
import dev.samokoder.sandbox.CommandLauncher;
import dev.samokoder.sandbox.CommandOutcome;
import dev.samokoder.sandbox.CommandSpec;
import dev.samokoder.sandbox.DirectLauncher;
import dev.samokoder.sandbox.FileTrees;
import dev.samokoder.sandbox.ManifestEntry;
import dev.samokoder.sandbox.ProcessSupervisor;
import dev.samokoder.sandbox.SandboxEnvironment;
import dev.samokoder.sandbox.SnapshotManifest;
import dev.samokoder.sandbox.SnapshotMaterializer;
import dev.samokoder.services.wiring.Wiring;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * {@code scripts/bench sandbox}: start-to-exit time of {@code true} and {@code node -e 0} in the
 * local sandbox against the same commands without it (both through the same supervisor, so the
 * difference is bubblewrap, setpriv and the run's cgroup), an install ({@code npm install}
 * of a small package set through the egress proxy) with a cold and a warm package cache, and the
 * time to materialize a snapshot of 10, 100 and 1,000 files from the embedded S3. Figures only;
 * nothing passes or fails.
 */
public final class SandboxBenchmark {

    private static final int WARMUPS = 5;
    private static final int RUNS = 30;
    private static final int FILE_BYTES = 1024;

    private SandboxBenchmark() {
    }

    /** Exits explicitly: DynamoDB Local leaves non-daemon threads behind after it stops, which would keep the JVM for minutes. */
    public static void main(String[] args) {
        try {
            run();
            System.exit(0);
        } catch (SandboxUnavailableException e) {
            System.err.println("bench sandbox: " + e.getMessage());
            System.exit(3);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run() throws Exception {
        System.out.printf("Sandbox benchmark on %d cores, %s %s, %s %s %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"), System.getProperty("os.name"),
                System.getProperty("os.version"), System.getProperty("os.arch"));
        SamokoderConfig config = SamokoderConfig.fromEnv();
        try (StandaloneSandbox sandbox = StandaloneSandbox.open(config.sandbox())) {
            System.out.println("Sandbox: " + sandbox.describe());
            overhead(sandbox, List.of("/bin/true"));
            overhead(sandbox, List.of("node", "-e", "0"));
            install(sandbox);
        }
        materialization(config);
    }

    private static void overhead(StandaloneSandbox sandbox, List<String> argv) {
        try (StandaloneSandbox.Workspace workspace = sandbox.newWorkspace("bench-" + System.nanoTime())) {
            CommandSpec spec = new CommandSpec("bench", argv, workspace.path(), "", SandboxEnvironment.of(Map.of()), false);
            double[] plain = time(DirectLauncher.unsandboxed(), spec);
            double[] isolated = time(sandbox.launcher(), spec);
            System.out.printf("%-14s without sandbox: median %6.1f ms (p90 %6.1f) | in sandbox: median %6.1f ms (p90 %6.1f) | "
                            + "ratio %.1fx, overhead %+.1f ms (%d runs each)%n", String.join(" ", argv), median(plain), p90(plain),
                    median(isolated), p90(isolated), median(isolated) / median(plain), median(isolated) - median(plain), RUNS);
        }
    }

    /** The packages the install benchmark installs: a few, with their own dependencies, as a small app has. */
    private static final String PACKAGE_JSON = "{\"name\": \"bench\", \"version\": \"1.0.0\", \"dependencies\": "
            + "{\"left-pad\": \"1.3.0\", \"ms\": \"2.1.3\", \"debug\": \"4.3.4\", \"uuid\": \"9.0.1\"}}";
    private static final int INSTALL_RUNS = 3;

    /**
     * {@code npm install} in a fresh workspace through the egress proxy: first with the project's package cache empty
     * (everything from the registry), then {@link #INSTALL_RUNS} times warm (a new workspace each time, the same
     * project's cache); the proxy's requests are counted.
     */
    private static void install(StandaloneSandbox sandbox) throws IOException {
        String project = "bench_" + System.nanoTime();
        java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
        CommandLauncher counted = sandbox.launcher(requests::incrementAndGet);
        double cold = installOnce(sandbox, counted, project);
        int coldRequests = requests.getAndSet(0);
        double[] warm = new double[INSTALL_RUNS];
        for (int i = 0; i < INSTALL_RUNS; i++) {
            warm[i] = installOnce(sandbox, counted, project);
        }
        System.out.printf("npm install (4 packages and their dependencies, through the egress proxy): cold cache %.0f ms (%d proxy "
                        + "connections) | warm cache median %.0f ms (%d proxy connections in %d runs)%n", cold, coldRequests, median(warm),
                requests.get(), INSTALL_RUNS);
    }

    private static double installOnce(StandaloneSandbox sandbox, CommandLauncher launcher, String project) throws IOException {
        try (StandaloneSandbox.Workspace workspace = sandbox.newWorkspace("bench-install-" + System.nanoTime())) {
            java.nio.file.Files.writeString(workspace.path().resolve("package.json"), PACKAGE_JSON);
            CommandSpec spec = new CommandSpec("bench", List.of("/bin/sh", "-c", "HOME=/tmp npm install --no-audit --no-fund"),
                    workspace.path(), "", SandboxEnvironment.of(Map.of()), true, project);
            long started = System.nanoTime();
            CommandOutcome outcome = new ProcessSupervisor(4096, 1 << 20).start(launcher, spec, Duration.ofSeconds(300)).await();
            if (outcome.exitCode() != 0) {
                throw new IllegalStateException("npm install failed (exit " + outcome.exitCode() + "): " + outcome.stderr().text());
            }
            return (System.nanoTime() - started) / 1e6;
        }
    }

    private static double[] time(CommandLauncher launcher, CommandSpec spec) {
        ProcessSupervisor supervisor = new ProcessSupervisor(4096, 1 << 20);
        double[] millis = new double[RUNS];
        for (int i = -WARMUPS; i < RUNS; i++) {
            long started = System.nanoTime();
            CommandOutcome outcome = supervisor.start(launcher, spec, Duration.ofSeconds(30)).await();
            double elapsed = (System.nanoTime() - started) / 1e6;
            if (outcome.exitCode() != 0) {
                throw new IllegalStateException(spec.argv() + " failed: " + outcome.stderr().text());
            }
            if (i >= 0) {
                millis[i] = elapsed;
            }
        }
        return millis;
    }

    private static void materialization(SamokoderConfig defaults) throws Exception {
        try (EmbeddedAws stack = EmbeddedAws.start(EmbeddedAws.Options.inMemory(defaults.aws().region(),
                SamokoderConfig.LOCAL_ACCESS_KEY_ID, SamokoderConfig.LOCAL_SECRET_ACCESS_KEY))) {
            SamokoderConfig config = defaults.withAws(defaults.aws().withEndpoints(stack.dynamoDbEndpoint(), stack.s3Endpoint(), stack.sqsEndpoint()));
            try (AwsClients clients = new AwsClients(config.aws())) {
                PlatformResources.ensure(config.aws(), clients.dynamoDb(), clients.s3(), clients.sqs());
                BlobStore blobs = new Wiring(config, clients, Clock.systemUTC()).storage().blobs();
                SnapshotMaterializer materializer = new SnapshotMaterializer(blobs);
                for (int files : new int[] {10, 100, 1_000}) {
                    SnapshotManifest manifest = snapshot(blobs, files);
                    double[] millis = new double[5];
                    for (int i = -1; i < millis.length; i++) {
                        Path target = Files.createTempDirectory("sandbox-bench");
                        long started = System.nanoTime();
                        materializer.materialize(manifest, target);
                        double elapsed = (System.nanoTime() - started) / 1e6;
                        if (i >= 0) {
                            millis[i] = elapsed;
                        }
                        FileTrees.delete(target);
                    }
                    System.out.printf("Materialize a snapshot of %,5d files of %d bytes from the embedded S3: median %7.1f ms (%,.0f files/s, %d runs, %d fetches at once)%n",
                            files, FILE_BYTES, median(millis), files / (median(millis) / 1000), millis.length, SnapshotMaterializer.parallelFetches());
                }
            }
        }
    }

    /** Distinct random files in a few folders, stored as blobs: every file is one S3 GET. */
    private static SnapshotManifest snapshot(BlobStore blobs, int files) {
        Random random = new Random(files);
        Map<String, ManifestEntry> entries = new TreeMap<>();
        for (int i = 0; i < files; i++) {
            byte[] content = new byte[FILE_BYTES];
            random.nextBytes(content);
            BlobRef ref = blobs.put(content);
            entries.put("src/module" + (i % 20) + "/file" + i + ".js", new ManifestEntry(ref.sha256(), ref.size(), false));
        }
        return new SnapshotManifest(entries);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double p90(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.ceil(sorted.length * 0.9) - 1];
    }
}
