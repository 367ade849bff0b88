package dev.samokoder.api.webhooks;

import dev.samokoder.shared.domain.AutonomyMode;
import dev.samokoder.shared.workflow.Run;
import dev.samokoder.shared.workflow.RunKind;
import dev.samokoder.shared.workflow.RunStarter;
import java.util.Optional;

/**
 * Until the runs API's {@code RunStarter} is wired into the Lambda's no-argument constructor, a
 * delivery fails here, visibly: it is retried, then dead-lettered, and shows as such in the API.
 * The local platform and the tests pass their own {@code RunStarter} instead.
 */
final class UnwiredRunStarter implements RunStarter {

    @Override
    public Run start(String userId, String projectId, RunKind kind, String request, Optional<AutonomyMode> mode) {
        throw new IllegalStateException("no RunStarter is wired into WebhookConsumerHandler's no-argument constructor");
    }
}
