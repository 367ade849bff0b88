package dev.samokoder.cdk;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.ecs.ContainerImage;

/**
 * A stage synthesized once per test JVM (jsii starts a Node.js process; a synth takes seconds),
 * from stand-in artifacts: tiny jars, a one-line Dockerfile, an index.html — and the real
 * state machine file, so the tests follow the workflow as the lead changes it. The AwsSolutions
 * checks run as in {@link SamokoderApp}.
 */
final class SynthesizedStage {

    private static final ConcurrentHashMap<String, SynthesizedStage> STAGES = new ConcurrentHashMap<>();

    final SamokoderApp.Stacks stacks;
    final Template data;
    final Template app;

    private SynthesizedStage(StageConfig stage) {
        try {
            Path dir = Files.createTempDirectory("samokoder-cdk-test");
            Artifacts artifacts = new Artifacts(jar(dir, "api.jar"), jar(dir, "agents.jar"), jar(dir, "runner.jar"),
                    runnerContext(dir), frontend(dir), stateMachineFile());
            App cdk = new App(AppProps.builder().outdir(dir.resolve("cdk.out").toString()).build());
            stacks = SamokoderApp.build(cdk, stage, artifacts, ContainerImage.fromAsset(artifacts.runnerImageContext().toString(),
                    software.amazon.awscdk.services.ecs.AssetImageProps.builder().file(Artifacts.RUNNER_DOCKERFILE).build()), null);
            Aspects.of(cdk).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
            data = Template.fromStack(stacks.data());
            app = Template.fromStack(stacks.app());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SynthesizedStage of(String stage) {
        return of(StageConfig.of(stage));
    }

    /** A stage with settings of its own (extra CORS origins, ...), synthesized once per distinct configuration. */
    static SynthesizedStage of(StageConfig stage) {
        return STAGES.computeIfAbsent(stage.toString(), key -> new SynthesizedStage(stage));
    }

    static Path stateMachineFile() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("workflow/generation.asl.json");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("workflow/generation.asl.json not found");
    }

    private static Path jar(Path dir, String name) throws IOException {
        Path jar = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("stand-in.txt"));
            zip.write(("stand-in for " + name).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return jar;
    }

    private static Path runnerContext(Path dir) throws IOException {
        Path context = dir.resolve("runner-image");
        Path dockerfile = context.resolve(Artifacts.RUNNER_DOCKERFILE);
        Files.createDirectories(dockerfile.getParent());
        Files.writeString(dockerfile, "FROM scratch\n");
        return context;
    }

    private static Path frontend(Path dir) throws IOException {
        Path dist = Files.createDirectories(dir.resolve("dist"));
        Files.writeString(dist.resolve("index.html"), "<!doctype html><title>stand-in</title>\n");
        return dist;
    }
}
