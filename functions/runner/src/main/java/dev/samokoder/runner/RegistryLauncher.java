package dev.samokoder.runner;

import dev.samokoder.sandbox.CommandLauncher;
import dev.samokoder.sandbox.CommandSpec;
import dev.samokoder.sandbox.LaunchedCommand;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a command allowed the package registries with npm, Yarn and pip pointed at the stage's
 * CodeArtifact repository; any other command starts as it is. If CodeArtifact gives no token the
 * command still runs, without the registries: its installs fail and its output says why.
 */
final class RegistryLauncher implements CommandLauncher {

    private static final Logger log = LoggerFactory.getLogger(RegistryLauncher.class);

    private final CommandLauncher next;
    private final PackageRegistryAccess registries;
    private final Duration timeLimit;

    RegistryLauncher(CommandLauncher next, PackageRegistryAccess registries, Duration timeLimit) {
        this.next = next;
        this.registries = registries;
        this.timeLimit = timeLimit;
    }

    @Override
    public LaunchedCommand launch(CommandSpec spec) throws IOException {
        if (!spec.allowRegistries()) {
            return next.launch(spec);
        }
        Map<String, String> environment = new LinkedHashMap<>(spec.environment());
        try {
            registries.environmentFor(timeLimit).forEach(environment::putIfAbsent);
        } catch (PackageRegistryAccess.RegistryUnavailableException e) {
            log.error("sandbox run {}: the package registries are unavailable, the command runs without them: {}", spec.id(), e.getMessage());
            return next.launch(spec);
        }
        return next.launch(new CommandSpec(spec.id(), spec.argv(), spec.workspace(), spec.workingDirectory(), environment, true,
                spec.packageCache()));
    }
}
