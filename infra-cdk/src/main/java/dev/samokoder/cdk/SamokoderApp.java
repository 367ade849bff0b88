package dev.samokoder.cdk;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.services.ecr.assets.Platform;
import software.amazon.awscdk.services.ecs.AssetImageProps;
import software.amazon.awscdk.services.ecs.ContainerImage;

/**
 * The CDK app ({@code cdk.json}): both stacks of one stage, from the repository's built
 * artifacts, with the AwsSolutions checks applied. Context: {@code stage} (dev|prod, required),
 * {@code frontendDir} (default {@code frontend/dist}), {@code corsOrigins} (comma-separated),
 * {@code llmModel}, {@code alarmEmail}, {@code previewDomain} and {@code previewCertificateArn} (live previews; both or
 * neither). Run from {@code infra-cdk/} (scripts/deploy does).
 */
public final class SamokoderApp {

    private SamokoderApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        Path root = repositoryRoot();
        StageConfig stage = new StageConfig(context(app, "stage", ""), list(context(app, "corsOrigins", "")),
                context(app, "llmModel", ""), context(app, "alarmEmail", ""), context(app, "previewDomain", ""),
                context(app, "previewCertificateArn", ""));
        Path frontendDir = root.resolve(context(app, "frontendDir", "frontend/dist"));
        Artifacts artifacts = Artifacts.fromRepository(root, frontendDir);
        // The runner image is built and pushed by `cdk deploy` (a Docker image asset); synth only hashes its context.
        ContainerImage runnerImage = ContainerImage.fromAsset(artifacts.runnerImageContext().toString(), AssetImageProps.builder()
                .file(Artifacts.RUNNER_DOCKERFILE).platform(Platform.LINUX_AMD64).build());
        build(app, stage, artifacts, runnerImage, environment());
        Aspects.of(app).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
        app.synth();
    }

    /** Both stacks of a stage in {@code app}; the tests call this with stand-in artifacts. */
    public static Stacks build(App app, StageConfig stage, Artifacts artifacts, ContainerImage runnerImage, Environment env) {
        StackProps props = StackProps.builder().env(env).build();
        DataStack data = new DataStack(app, stage.stackPrefix() + "Data", props, stage);
        AppStack platform = new AppStack(app, stage.stackPrefix() + "App", props, stage, data, artifacts, runnerImage);
        platform.addDependency(data);
        Tags.of(app).add("samokoder:stage", stage.name());
        return new Stacks(data, platform);
    }

    /** The two stacks of a stage. */
    public record Stacks(DataStack data, AppStack app) {
    }

    private static Environment environment() {
        String account = System.getenv("CDK_DEFAULT_ACCOUNT");
        String region = System.getenv("CDK_DEFAULT_REGION");
        // Without credentials (CI's offline synth) the stacks are environment-agnostic.
        return account == null || region == null ? null : Environment.builder().account(account).region(region).build();
    }

    private static String context(App app, String key, String fallback) {
        Object value = app.getNode().tryGetContext(key);
        return value == null ? fallback : value.toString().strip();
    }

    private static List<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("workflow/generation.asl.json")) && Files.isDirectory(dir.resolve("infra-cdk"))) {
                return dir;
            }
        }
        throw new IllegalStateException("run the CDK app from the Samokoder repository (no workflow/generation.asl.json above "
                + Path.of("").toAbsolutePath() + ")");
    }
}
