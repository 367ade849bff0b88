package dev.samokoder.services.notifications;

import dev.samokoder.core.secrets.SecretCipher;
import dev.samokoder.services.projects.ProjectService;
import dev.samokoder.services.runs.RunNotifier.Moment;
import dev.samokoder.services.webhooks.WebhookService;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A project's notification URL: set (checked against SSRF, with a new signing secret returned
 * once), read and removed, by the project's owner only.
 */
public final class NotificationService {

    private static final Logger log = LoggerFactory.getLogger(NotificationService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The subscription and its new secret; the only time the secret is seen in clear. */
    public record Saved(NotificationSubscription subscription, String secret) {
        @Override
        public String toString() { // keeps the secret out of logs
            return "Saved[" + subscription.projectId() + "]";
        }
    }

    private final NotificationRepository subscriptions;
    private final ProjectService projects;
    private final SecretCipher cipher;
    private final DestinationGuard guard;
    private final Clock clock;

    public NotificationService(NotificationRepository subscriptions, ProjectService projects, SecretCipher cipher,
                               DestinationGuard guard, Clock clock) {
        this.subscriptions = subscriptions;
        this.projects = projects;
        this.cipher = cipher;
        this.guard = guard;
        this.clock = clock;
    }

    /**
     * Sets the project's URL and moments; every call makes a new signing secret, sealed by the cipher (so an item
     * the retired secret box sealed is rewritten in the current format).
     *
     * @throws RefusedDestinationException if the URL is not one notifications may go to
     */
    public Saved put(String userId, String projectId, String url, Set<Moment> events) {
        projects.get(userId, projectId);
        guard.check(url);
        Optional<NotificationSubscription> previous = subscriptions.get(projectId);
        String secret = newSecret();
        Instant now = clock.instant();
        NotificationSubscription subscription = new NotificationSubscription(projectId, userId, url.strip(), events,
                cipher.seal(secret.getBytes(StandardCharsets.UTF_8), NotificationSubscription.secretContext(projectId)),
                previous.map(NotificationSubscription::createdAt).orElse(now), now,
                previous.map(p -> p.version() + 1).orElse(1L));
        subscriptions.put(subscription, previous);
        log.info("notification URL of project {} set", projectId);
        return new Saved(subscription, secret);
    }

    public NotificationSubscription get(String userId, String projectId) {
        projects.get(userId, projectId);
        return subscriptions.get(projectId).orElseThrow(() -> new NotificationNotFoundException(projectId));
    }

    public void delete(String userId, String projectId) {
        subscriptions.delete(get(userId, projectId));
        log.info("notification URL of project {} removed", projectId);
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return WebhookService.SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
