package dev.samokoder.cdk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * What the stacks deploy from disk: the functions' Lambda jars (the shaded
 * {@code target/<artifactId>-<version>-lambda.jar} of each function module), the runner image's
 * build context, the built web app and the state machine file. The app finds the real ones
 * in the repository ({@link #fromRepository}); tests pass small stand-ins, so synthesizing never
 * depends on what was packaged before.
 *
 * @param runnerImageContext a folder with {@code functions/runner/Dockerfile} and the runner jar
 *                           where that Dockerfile copies it from; built at deploy time, never at synth
 */
public record Artifacts(Path apiJar, Path agentsJar, Path runnerJar, Path runnerImageContext, Path frontendDir,
        Path stateMachineFile) {

    static final String RUNNER_DOCKERFILE = "functions/runner/Dockerfile";

    public Artifacts {
        requireFile(apiJar, "the API functions' jar (mvn -pl functions/api -am package)");
        requireFile(agentsJar, "the agents' jar (mvn -pl functions/agents -am package)");
        requireFile(runnerJar, "the sandbox runner's jar (mvn -pl functions/runner -am package)");
        requireFile(runnerImageContext.resolve(RUNNER_DOCKERFILE), "the runner's Dockerfile in the image context");
        requireFile(frontendDir.resolve("index.html"), "the built web app (cd frontend && npm run build)");
        requireFile(stateMachineFile, "the state machine definition");
    }

    /**
     * The real artifacts of a built repository. The runner's image context is made under
     * {@code infra-cdk/target/runner-image}: only the Dockerfile and the jar, so the asset's hash
     * changes exactly when they do and nothing else of the repository is sent to Docker.
     */
    public static Artifacts fromRepository(Path root, Path frontendDir) {
        Path runnerJar = lambdaJar(root.resolve("functions/runner/target"), "samokoder-runner");
        Path context = root.resolve("infra-cdk/target/runner-image");
        try {
            Path dockerfile = context.resolve(RUNNER_DOCKERFILE);
            Path jarDir = context.resolve("functions/runner/target");
            Files.createDirectories(dockerfile.getParent());
            Files.createDirectories(jarDir);
            try (DirectoryStream<Path> old = Files.newDirectoryStream(jarDir, "*.jar")) {
                for (Path jar : old) {
                    Files.delete(jar);
                }
            }
            Files.copy(root.resolve(RUNNER_DOCKERFILE), dockerfile, StandardCopyOption.REPLACE_EXISTING);
            Files.copy(runnerJar, jarDir.resolve(runnerJar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the runner image context in " + context, e);
        }
        return new Artifacts(lambdaJar(root.resolve("functions/api/target"), "samokoder-api"),
                lambdaJar(root.resolve("functions/agents/target"), "samokoder-agents"), runnerJar, context, frontendDir,
                root.resolve("workflow/generation.asl.json"));
    }

    static Path lambdaJar(Path targetDir, String artifactId) {
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(targetDir, artifactId + "-*-lambda.jar")) {
            for (Path jar : jars) {
                return jar;
            }
        } catch (IOException e) {
            // reported below with the build command
        }
        throw new IllegalStateException("no " + artifactId + "-*-lambda.jar in " + targetDir
                + ": build the functions first (mvn -DskipTests package, or scripts/deploy does it)");
    }

    private static void requireFile(Path file, String what) {
        if (file == null || !Files.isRegularFile(file)) {
            throw new IllegalArgumentException("missing " + what + ": " + file);
        }
    }
}
