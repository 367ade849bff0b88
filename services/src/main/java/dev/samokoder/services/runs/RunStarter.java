package dev.samokoder.services.runs;

import dev.samokoder.core.domain.AutonomyMode;
import java.util.Optional;

/**
 * Starts a generation run: checks the project is the user's, creates the run (one active run per
 * project) and starts its workflow execution. The runs API and the webhook consumer both start
 * runs through this, so both get the same checks.
 */
public interface RunStarter {

    /**
     * @param mode the autonomy mode; empty takes the project's setting
     * @throws ActiveRunExistsException when the project already has an active run
     * @throws dev.samokoder.services.projects.ProjectNotFoundException when the project is not the user's
     */
    Run start(String userId, String projectId, RunKind kind, String request, Optional<AutonomyMode> mode);
}
