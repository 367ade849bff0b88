package dev.samokoder.services.notifications;

import dev.samokoder.core.domain.Ids;
import dev.samokoder.core.domain.Project;
import dev.samokoder.core.domain.ProjectSettings;
import dev.samokoder.core.domain.User;
import dev.samokoder.core.secrets.KmsEnvelopeCipher;
import dev.samokoder.core.secrets.LegacySecretKeyMissingException;
import dev.samokoder.core.secrets.OldSecretBox;
import dev.samokoder.core.secrets.SealedAttributes;
import dev.samokoder.core.secrets.SecretCipher;
import dev.samokoder.core.secrets.SecretUnreadableException;
import dev.samokoder.core.storage.Attributes;
import dev.samokoder.core.storage.Keys;
import dev.samokoder.core.storage.SingleTable;
import dev.samokoder.core.testing.LocalAws;
import dev.samokoder.core.testing.LocalAwsExtension;
import dev.samokoder.services.projects.ProjectService;
import dev.samokoder.services.runs.RunNotifier.Moment;
import dev.samokoder.services.webhooks.WebhookSignatures;
import dev.samokoder.services.wiring.TestWiring;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Notification signing secrets at rest: sealed by the platform's cipher (KMS envelope encryption, against the
 * test JVM's stand-in) bound to the project; a subscription stored the old way (the retired secret box) is sent
 * with the old key, and rewritten in the current format by the next PUT.
 */
@ExtendWith(LocalAwsExtension.class)
class NotificationServiceIT {

    private static final DestinationGuard GUARD = DestinationGuard.system(List.of("127.0.0.1"));

    /** What the receiver got: the signature header and the body. */
    private record Received(String signature, byte[] body) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private LocalAws aws;
    private SingleTable table;
    private NotificationRepository subscriptions;
    private ProjectService projects;
    private Path dataDir;
    private HttpServer receiver;
    private String userId;
    private Project project;

    @BeforeEach
    void setUp(LocalAws aws, @TempDir Path dataDir) throws IOException {
        this.aws = aws;
        this.dataDir = dataDir;
        table = aws.storage().table();
        subscriptions = new NotificationRepository(table);
        projects = new ProjectService(aws.storage().projects(), aws.storage().files());
        userId = Ids.newId(User.ID_PREFIX);
        project = projects.create(userId, "Todo app", "", ProjectSettings.defaults());
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", exchange -> {
            received.add(new Received(exchange.getRequestHeaders().getFirst("Samokoder-Signature"), exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void aSubscriptionsSecretIsSealedByKms_boundToItsProject_andSignsWhatIsSent() {
        SecretCipher cipher = cipher(Optional.empty());

        var saved = service(cipher).put(userId, project.id(), url(), Set.of(Moment.RUN_SUCCEEDED));

        Map<String, AttributeValue> item = table.get(Keys.notificationSubscription(project.id())).orElseThrow();
        assertThat(item.get("scheme").s()).isEqualTo(KmsEnvelopeCipher.SCHEME);
        assertThat(item).containsKeys("keyRef", "wrappedKey", "nonce", "ciphertext").doesNotContainKey(SealedAttributes.LEGACY);
        assertThat(item.toString()).doesNotContain(saved.secret()).doesNotContain(saved.secret().substring(6));
        assertThat(saved.toString()).doesNotContain(saved.secret());
        assertThat(sender(cipher).send(message(project.id()), 1)).isEqualTo(NotificationSender.Outcome.DONE);
        assertSignedWith(saved.secret());
        // the sealed secret copied onto another project's subscription does not open there
        Project other = projects.create(userId, "Other app", "", ProjectSettings.defaults());
        service(cipher).put(userId, other.id(), url(), Set.of(Moment.RUN_SUCCEEDED));
        Map<String, AttributeValue> moved = new HashMap<>(table.get(Keys.notificationSubscription(other.id())).orElseThrow());
        for (String attribute : List.of("keyRef", "wrappedKey", "nonce", "ciphertext")) {
            moved.put(attribute, item.get(attribute));
        }
        table.replace(Keys.notificationSubscription(other.id()), moved, 1);
        assertThatThrownBy(() -> sender(cipher).send(message(other.id()), 1)).isInstanceOf(SecretUnreadableException.class);
    }

    @Test
    void aSubscriptionStoredTheOldWay_isSentWithTheOldKey_andRewrittenInTheCurrentFormatByTheNextPut() {
        OldSecretBox old = OldSecretBox.generate();
        String oldSecret = "whsec_" + UUID.randomUUID();
        putTheOldWay(old.seal(oldSecret.getBytes(StandardCharsets.UTF_8), "notification-secret:" + project.id()));
        SecretCipher withOldKey = cipher(Optional.of(old.base64Key()));

        // read with the old key; the sender only reads (on AWS it may not write the table)
        assertThat(sender(withOldKey).send(message(project.id()), 1)).isEqualTo(NotificationSender.Outcome.DONE);
        assertSignedWith(oldSecret);
        assertThat(table.get(Keys.notificationSubscription(project.id())).orElseThrow()).containsKey(SealedAttributes.LEGACY);

        // the next PUT rotates the secret and writes the current format
        var saved = service(withOldKey).put(userId, project.id(), url(), Set.of(Moment.RUN_SUCCEEDED));
        Map<String, AttributeValue> item = table.get(Keys.notificationSubscription(project.id())).orElseThrow();
        assertThat(item).doesNotContainKey(SealedAttributes.LEGACY);
        assertThat(item.get("scheme").s()).isEqualTo(KmsEnvelopeCipher.SCHEME);
        assertThat(Attributes.of(item).version()).isEqualTo(2);
        assertThat(Attributes.of(item).instant("createdAt")).as("still the subscription it was").isEqualTo(Instant.parse("2025-01-02T03:04:05Z"));

        // and from now on the old key is not needed
        received.clear();
        assertThat(sender(cipher(Optional.empty())).send(message(project.id()), 1)).isEqualTo(NotificationSender.Outcome.DONE);
        assertSignedWith(saved.secret());
    }

    @Test
    void aSubscriptionStoredTheOldWay_withoutTheOldKey_isANamedError_nothingIsSent_andTheItemIsLeftAsItIs() {
        OldSecretBox old = OldSecretBox.generate();
        String oldSecret = "whsec_" + UUID.randomUUID();
        putTheOldWay(old.seal(oldSecret.getBytes(StandardCharsets.UTF_8), "notification-secret:" + project.id()));
        Map<String, AttributeValue> before = table.get(Keys.notificationSubscription(project.id())).orElseThrow();

        assertThatThrownBy(() -> sender(cipher(Optional.empty())).send(message(project.id()), 1))
                .isInstanceOf(LegacySecretKeyMissingException.class).hasMessageContaining("SAMOKODER_SECRET_BOX_KEY");

        assertThat(received).isEmpty();
        assertThat(table.get(Keys.notificationSubscription(project.id())).orElseThrow()).isEqualTo(before);
    }

    private void assertSignedWith(String secret) {
        assertThat(received).hasSize(1);
        Received one = received.getFirst();
        WebhookSignatures.verify(secret, Optional.of(one.signature()), Optional.empty(), one.body(), Instant.now(), Duration.ofMinutes(5));
    }

    /** The subscription exactly as the retired secret box's code wrote it. */
    private void putTheOldWay(byte[] sealed) {
        var key = Keys.notificationSubscription(project.id());
        table.create(key, Attributes.item(key, NotificationRepository.TYPE, 1)
                .string("projectId", project.id())
                .string("userId", userId)
                .string("url", url())
                .stringList("events", List.of(Moment.RUN_SUCCEEDED.name()))
                .string(SealedAttributes.LEGACY, Base64.getEncoder().encodeToString(sealed))
                .instant("createdAt", Instant.parse("2025-01-02T03:04:05Z"))
                .instant("updatedAt", Instant.parse("2025-01-02T03:04:05Z"))
                .build());
    }

    /** The platform's cipher as TestWiring builds it, with or without the retired secret box's key. */
    private SecretCipher cipher(Optional<String> oldKey) {
        return TestWiring.secretCipher(aws, dataDir, oldKey);
    }

    private NotificationService service(SecretCipher cipher) {
        return new NotificationService(subscriptions, projects, cipher, GUARD, Clock.systemUTC());
    }

    private NotificationSender sender(SecretCipher cipher) {
        return new NotificationSender(subscriptions, cipher, GUARD, Duration.ofSeconds(5), 8, Clock.systemUTC());
    }

    private NotificationMessage message(String projectId) {
        return new NotificationMessage(UUID.randomUUID().toString(), Moment.RUN_SUCCEEDED, projectId, userId, "run_1", "succeeded",
                null, Instant.now());
    }

    private String url() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/events";
    }
}
