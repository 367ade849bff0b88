package dev.samokoder.services.webhooks;

import dev.samokoder.core.domain.Ids;
import dev.samokoder.core.http.Json;
import dev.samokoder.core.queue.QueueUrl;
import dev.samokoder.core.secrets.LegacySealed;
import dev.samokoder.core.secrets.SecretCipher;
import dev.samokoder.core.storage.ItemNotFoundException;
import dev.samokoder.core.storage.Page;
import dev.samokoder.core.storage.VersionConflictException;
import dev.samokoder.core.validation.ValidationException;
import dev.samokoder.services.projects.ProjectNotFoundException;
import dev.samokoder.services.projects.ProjectService;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Webhook triggers: creating (the secret is returned once and stored sealed by the platform's
 * {@link SecretCipher}), listing and deleting them, and accepting deliveries: signature first, then the payload, then the
 * de-duplication, then the queue. The run itself is started by {@link WebhookConsumer}, off the
 * request path, so a sender gets its answer in milliseconds and a busy project cannot make it time out.
 */
public final class WebhookService {

    private static final Logger log = LoggerFactory.getLogger(WebhookService.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** What a secret starts with, so one pasted somewhere it should not be is easy to recognize. */
    public static final String SECRET_PREFIX = "whsec_";
    private static final Pattern DELIVERY_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    /** A new trigger and its secret; the only time the secret is seen in clear. */
    public record CreatedTrigger(WebhookTrigger trigger, String secret) {
        @Override
        public String toString() { // keeps the secret out of logs
            return "CreatedTrigger[" + trigger.id() + "]";
        }
    }

    /** What became of a delivery: queued, a repeat of one already accepted, or not one that starts a run. */
    public record Receipt(String deliveryId, Outcome outcome) {
        public enum Outcome { QUEUED, DUPLICATE, IGNORED }
    }

    private final WebhookRepository webhooks;
    private final ProjectService projects;
    private final SecretCipher cipher;
    private final SqsClient sqs;
    private final QueueUrl queue;
    private final Duration tolerance;
    private final int maxPerProject;
    private final Clock clock;

    public WebhookService(WebhookRepository webhooks, ProjectService projects, SecretCipher cipher, SqsClient sqs,
                          QueueUrl queue, Duration tolerance, int maxPerProject, Clock clock) {
        this.webhooks = webhooks;
        this.projects = projects;
        this.cipher = cipher;
        this.sqs = sqs;
        this.queue = queue;
        this.tolerance = tolerance;
        this.maxPerProject = maxPerProject;
        this.clock = clock;
    }

    /**
     * @throws dev.samokoder.services.projects.ProjectNotFoundException if the project is not the user's
     * @throws TooManyWebhooksException if the project has its limit of triggers
     */
    public CreatedTrigger create(String userId, String projectId, WebhookSource source) {
        projects.get(userId, projectId);
        if (webhooks.listByProject(projectId).size() >= maxPerProject) {
            throw new TooManyWebhooksException(maxPerProject);
        }
        String id = Ids.newId(WebhookTrigger.ID_PREFIX);
        String secret = newSecret();
        WebhookTrigger trigger = new WebhookTrigger(id, projectId, userId, source,
                cipher.seal(secret.getBytes(StandardCharsets.UTF_8), WebhookTrigger.secretContext(projectId, id)), clock.instant(), 1);
        webhooks.create(trigger);
        log.info("webhook {} created on project {}", id, projectId);
        return new CreatedTrigger(trigger, secret);
    }

    public List<WebhookTrigger> list(String userId, String projectId) {
        projects.get(userId, projectId);
        return webhooks.listByProject(projectId);
    }

    public void delete(String userId, String projectId, String hookId) {
        WebhookTrigger trigger = owned(userId, projectId, hookId);
        webhooks.delete(trigger);
        log.info("webhook {} deleted", hookId);
    }

    public Page<WebhookDelivery> deliveries(String userId, String projectId, String hookId, int limit, Optional<String> cursor) {
        owned(userId, projectId, hookId);
        return webhooks.deliveries(hookId, limit, cursor);
    }

    /**
     * Accepts one delivery. Nothing of the body is looked at before its signature checks out.
     *
     * @param header a request header by lower-case name
     * @throws InvalidSignatureException for an unknown hook or a missing, malformed or wrong signature
     * @throws StaleSignatureException for a signed timestamp outside the tolerance
     * @throws ValidationException for a signed payload that is not one the trigger's source sends
     */
    public Receipt receive(String hookId, Function<String, Optional<String>> header, byte[] body) {
        Instant now = clock.instant();
        WebhookTrigger trigger = (Ids.isValid(WebhookTrigger.ID_PREFIX, hookId) ? webhooks.get(hookId) : Optional.<WebhookTrigger>empty())
                .orElseThrow(() -> new InvalidSignatureException("no such hook, or the signature does not match"));
        byte[] secret = cipher.open(trigger.secret(), trigger.secretContext());
        String digest = WebhookSignatures.verify(new String(secret, StandardCharsets.UTF_8), header.apply(WebhookSignatures.SAMOKODER_HEADER),
                header.apply(WebhookSignatures.GITHUB_HEADER), body, now, tolerance);
        if (trigger.secret() instanceof LegacySealed) {
            sealAgain(trigger, secret);
        }
        Arrays.fill(secret, (byte) 0);

        try {
            projects.get(trigger.userId(), trigger.projectId());
        } catch (ProjectNotFoundException deleted) { // triggers outlive a deleted project: answer as if the hook were gone
            throw new InvalidSignatureException("the trigger's project was deleted");
        }

        Optional<String> senderId = header.apply("samokoder-delivery").or(() -> header.apply("x-github-delivery")).map(String::strip);
        if (senderId.isPresent() && !DELIVERY_ID.matcher(senderId.get()).matches()) {
            throw ValidationException.of("Samokoder-Delivery", "must be 1 to 100 letters, digits, '.', '_', ':' or '-'");
        }
        String deliveryId = senderId.orElse("sig-" + digest.substring(0, 32));
        Optional<String> request = WebhookPayloads.request(trigger.source(), body, header.apply("x-github-event"));
        if (request.isEmpty()) {
            log.info("webhook {} delivery {} ignored (not an event that starts a run)", hookId, deliveryId);
            return new Receipt(deliveryId, Receipt.Outcome.IGNORED);
        }

        List<String> markers = new ArrayList<>();
        markers.add("SIG#" + digest); // the same signed body twice is a replay, whatever id it claims
        senderId.ifPresent(id -> markers.add("ID#" + id));
        WebhookDelivery delivery = new WebhookDelivery(hookId, deliveryId, trigger.projectId(), trigger.userId(),
                request.get(), DeliveryStatus.QUEUED, Optional.empty(), 0, Optional.empty(), now, now, 1);
        if (!webhooks.recordNew(delivery, markers)) {
            log.info("webhook {} delivery {} is a duplicate; no second run", hookId, deliveryId);
            return new Receipt(deliveryId, Receipt.Outcome.DUPLICATE);
        }
        try {
            sqs.sendMessage(r -> r.queueUrl(queue.get()).messageBody(toJson(new WebhookMessage(hookId, deliveryId, now))));
        } catch (SdkException e) {
            webhooks.forget(delivery, markers); // so that the sender's retry is accepted, not taken for a duplicate
            throw e;
        }
        log.info("webhook {} delivery {} queued", hookId, deliveryId);
        return new Receipt(deliveryId, Receipt.Outcome.QUEUED);
    }

    /**
     * A trigger whose secret the retired secret box sealed gets it sealed by the cipher, once a delivery signed with it
     * has checked out (so an unsigned request never causes a write). The delivery goes on whatever becomes of this
     * write: the next one tries again, reading the old format meanwhile.
     */
    private void sealAgain(WebhookTrigger trigger, byte[] secret) {
        try {
            webhooks.replaceSecret(trigger, cipher.seal(secret, trigger.secretContext()));
            log.info("webhook {}: secret sealed again by the platform's cipher (it was the retired secret box's)", trigger.id());
        } catch (VersionConflictException | ItemNotFoundException changedMeanwhile) {
            // sealed again by a concurrent delivery, or deleted: nothing left to do
        } catch (SdkException e) {
            log.warn("webhook {}: could not seal its secret again, still read with the old key: {}", trigger.id(),
                    e.getClass().getSimpleName());
        }
    }

    private WebhookTrigger owned(String userId, String projectId, String hookId) {
        projects.get(userId, projectId);
        return (Ids.isValid(WebhookTrigger.ID_PREFIX, hookId) ? webhooks.get(hookId) : Optional.<WebhookTrigger>empty())
                .filter(trigger -> trigger.projectId().equals(projectId) && trigger.userId().equals(userId))
                .orElseThrow(() -> new WebhookNotFoundException(hookId));
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String toJson(Object message) {
        try {
            return Json.mapper().writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("queue messages are plain records and always serialize", e);
        }
    }
}
