package dev.samokoder.services.notifications;

import dev.samokoder.core.secrets.SecretCipher;
import dev.samokoder.core.http.Json;
import dev.samokoder.services.webhooks.WebhookSignatures;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one queued notification: finds the project's subscription, checks its URL's addresses
 * again (the name may point elsewhere now), signs the body as webhooks are signed
 * ({@code Samokoder-Signature}) and POSTs it, following no redirect. A 2xx is delivered; anything
 * else, or no answer in time, is retried by the queue with backoff, and after the last try the
 * message moves to the dead-letter queue.
 */
public final class NotificationSender {

    private static final Logger log = LoggerFactory.getLogger(NotificationSender.class);
    public static final String USER_AGENT = "Samokoder-Notifications/1";

    /** Whether the queue may forget the message, or should deliver it again later. */
    public enum Outcome { DONE, RETRY }

    private final NotificationRepository subscriptions;
    private final SecretCipher cipher;
    private final DestinationGuard guard;
    private final HttpClient http;
    private final Duration timeout;
    private final int maxReceives;
    private final Clock clock;

    public NotificationSender(NotificationRepository subscriptions, SecretCipher cipher, DestinationGuard guard,
                              Duration timeout, int maxReceives, Clock clock) {
        this.subscriptions = subscriptions;
        this.cipher = cipher;
        this.guard = guard;
        this.timeout = timeout;
        this.maxReceives = maxReceives;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER) // a redirect could lead past the address check
                .connectTimeout(timeout)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    public Outcome send(NotificationMessage message, int receiveCount) {
        Optional<NotificationSubscription> found = subscriptions.get(message.projectId())
                .filter(s -> s.userId().equals(message.userId()) && s.events().contains(message.moment()));
        if (found.isEmpty()) {
            return Outcome.DONE; // nobody asked for this one (or the URL was removed since)
        }
        NotificationSubscription subscription = found.get();
        URI uri;
        try {
            uri = guard.check(subscription.url());
        } catch (RefusedDestinationException e) {
            log.warn("notification {} of project {} not sent: {}", message.id(), message.projectId(), e.getMessage());
            return Outcome.DONE; // retrying would not make the address a public one
        }
        // a secret of the retired secret box is read with its key and sealed again by the next PUT: this function only reads
        String secret = new String(cipher.open(subscription.secret(), subscription.secretContext()), StandardCharsets.UTF_8);
        byte[] body = body(message);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT)
                .header("Samokoder-Delivery", message.id())
                .header("Samokoder-Event", NotificationEvents.wireName(message.moment()))
                .header("Samokoder-Signature", WebhookSignatures.sign(secret, clock.instant(), body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                log.info("notification {} of project {} delivered ({})", message.id(), message.projectId(), response.statusCode());
                return Outcome.DONE;
            }
            return retry(message, receiveCount, "answered " + response.statusCode());
        } catch (IOException e) {
            return retry(message, receiveCount, "failed: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return retry(message, receiveCount, "was interrupted");
        }
    }

    private Outcome retry(NotificationMessage message, int receiveCount, String what) {
        if (receiveCount >= maxReceives) {
            log.warn("notification {} of project {} {} on its last try; it goes to the dead-letter queue",
                    message.id(), message.projectId(), what);
        } else {
            log.info("notification {} of project {} {} (try {} of {}); retried later", message.id(), message.projectId(),
                    what, receiveCount, maxReceives);
        }
        return Outcome.RETRY;
    }

    /** The JSON a receiver gets: the notification's id and type, when, and the run it is about. */
    static byte[] body(NotificationMessage message) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("projectId", message.projectId());
        data.put("runId", message.runId());
        data.put("status", message.runStatus().toLowerCase(java.util.Locale.ROOT));
        if (message.failure() != null) {
            data.put("failure", message.failure());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", message.id());
        body.put("type", NotificationEvents.wireName(message.moment()));
        body.put("createdAt", message.occurredAt().toString());
        body.put("data", data);
        try {
            return Json.mapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plain maps always serialize", e);
        }
    }
}
