package dev.samokoder.services.webhooks;

import dev.samokoder.core.domain.Ids;
import dev.samokoder.core.domain.Project;
import dev.samokoder.core.domain.ProjectSettings;
import dev.samokoder.core.domain.User;
import dev.samokoder.core.queue.QueueUrl;
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
import dev.samokoder.services.wiring.TestWiring;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Webhook signing secrets at rest: sealed by the platform's cipher (KMS envelope encryption, against the
 * test JVM's stand-in) bound to the project and the hook, and triggers stored the old way (the retired
 * secret box) read with the old key and sealed again by the cipher on their first signed delivery.
 */
@ExtendWith(LocalAwsExtension.class)
class WebhookServiceIT {

    private LocalAws aws;
    private SingleTable table;
    private WebhookRepository webhooks;
    private ProjectService projects;
    private Path dataDir;
    private String userId;
    private Project project;

    @BeforeEach
    void setUp(LocalAws aws, @TempDir Path dataDir) {
        this.aws = aws;
        this.dataDir = dataDir;
        table = aws.storage().table();
        webhooks = new WebhookRepository(table);
        projects = new ProjectService(aws.storage().projects(), aws.storage().files());
        userId = Ids.newId(User.ID_PREFIX);
        project = projects.create(userId, "Todo app", "", ProjectSettings.defaults());
    }

    @Test
    void aNewTriggersSecretIsSealedByKms_boundToItsProjectAndHook_andNeverStoredOrShownInClear() {
        WebhookService service = service(cipher(Optional.empty()));

        var created = service.create(userId, project.id(), WebhookSource.GENERIC);

        Map<String, AttributeValue> item = table.get(Keys.webhook(created.trigger().id())).orElseThrow();
        assertThat(item.get("scheme").s()).isEqualTo(KmsEnvelopeCipher.SCHEME);
        assertThat(item).containsKeys("keyRef", "wrappedKey", "nonce", "ciphertext").doesNotContainKey(SealedAttributes.LEGACY);
        assertThat(item.toString()).doesNotContain(created.secret()).doesNotContain(created.secret().substring(6));
        assertThat(created.toString()).doesNotContain(created.secret());
        assertThat(service.receive(created.trigger().id(), signed(created.secret(), "d-1"), body("d-1")).outcome())
                .isEqualTo(WebhookService.Receipt.Outcome.QUEUED);
        // the sealed secret copied onto another hook's item does not open there
        var other = service.create(userId, project.id(), WebhookSource.GENERIC);
        Map<String, AttributeValue> moved = new HashMap<>(table.get(Keys.webhook(other.trigger().id())).orElseThrow());
        for (String attribute : List.of("keyRef", "wrappedKey", "nonce", "ciphertext")) {
            moved.put(attribute, item.get(attribute));
        }
        table.replace(Keys.webhook(other.trigger().id()), moved, other.trigger().version());
        assertThatThrownBy(() -> service.receive(other.trigger().id(), signed(created.secret(), "d-2"), body("d-2")))
                .isInstanceOf(SecretUnreadableException.class);
    }

    @Test
    void aTriggerStoredTheOldWay_isReadWithTheOldKey_andSealedAgainByTheCipherOnItsFirstSignedDelivery() {
        OldSecretBox old = OldSecretBox.generate();
        String hookId = Ids.newId(WebhookTrigger.ID_PREFIX);
        String secret = "whsec_" + UUID.randomUUID();
        putTheOldWay(hookId, old.seal(secret.getBytes(StandardCharsets.UTF_8), "webhook-secret:" + hookId));
        WebhookService service = service(cipher(Optional.of(old.base64Key())));

        // a forged delivery is refused and writes nothing
        assertThatThrownBy(() -> service.receive(hookId, signed("whsec_forged", "d-0"), body("d-0")))
                .isInstanceOf(InvalidSignatureException.class);
        assertThat(table.get(Keys.webhook(hookId)).orElseThrow()).containsKey(SealedAttributes.LEGACY);

        // a signed one is accepted, and the trigger is rewritten in the current format
        assertThat(service.receive(hookId, signed(secret, "d-1"), body("d-1")).outcome()).isEqualTo(WebhookService.Receipt.Outcome.QUEUED);
        Map<String, AttributeValue> item = table.get(Keys.webhook(hookId)).orElseThrow();
        assertThat(item).doesNotContainKey(SealedAttributes.LEGACY);
        assertThat(item.get("scheme").s()).isEqualTo(KmsEnvelopeCipher.SCHEME);
        assertThat(Attributes.of(item).version()).isEqualTo(2);
        assertThat(item.toString()).doesNotContain(secret);

        // from now on the old key is not needed: a platform without it accepts the next delivery
        assertThat(service(cipher(Optional.empty())).receive(hookId, signed(secret, "d-2"), body("d-2")).outcome())
                .isEqualTo(WebhookService.Receipt.Outcome.QUEUED);
        assertThat(webhooks.deliveries(hookId, 10, Optional.empty()).items()).hasSize(2);
    }

    @Test
    void aTriggerStoredTheOldWay_withoutTheOldKey_isANamedError_andTheItemIsLeftAsItIs() {
        OldSecretBox old = OldSecretBox.generate();
        String hookId = Ids.newId(WebhookTrigger.ID_PREFIX);
        String secret = "whsec_" + UUID.randomUUID();
        putTheOldWay(hookId, old.seal(secret.getBytes(StandardCharsets.UTF_8), "webhook-secret:" + hookId));
        Map<String, AttributeValue> before = table.get(Keys.webhook(hookId)).orElseThrow();

        assertThatThrownBy(() -> service(cipher(Optional.empty())).receive(hookId, signed(secret, "d-1"), body("d-1")))
                .isInstanceOf(LegacySecretKeyMissingException.class)
                .hasMessageContaining("SAMOKODER_SECRET_BOX_KEY").hasMessageNotContaining(secret);
        assertThatThrownBy(() -> service(cipher(Optional.of(OldSecretBox.generate().base64Key())))
                .receive(hookId, signed(secret, "d-1"), body("d-1")))
                .as("another old key").isInstanceOf(SecretUnreadableException.class);

        assertThat(table.get(Keys.webhook(hookId)).orElseThrow()).isEqualTo(before);
        assertThat(webhooks.deliveries(hookId, 10, Optional.empty()).items()).isEmpty();
        assertThat(webhooks.listByProject(project.id())).extracting(WebhookTrigger::id).contains(hookId);
    }

    /** The trigger's two items exactly as the retired secret box's code wrote them. */
    private void putTheOldWay(String hookId, byte[] sealed) {
        table.create(Keys.webhook(hookId), Attributes.item(Keys.webhook(hookId), WebhookRepository.TYPE, 1)
                .string("id", hookId)
                .string("projectId", project.id())
                .string("userId", userId)
                .string("source", WebhookSource.GENERIC.wireName())
                .string(SealedAttributes.LEGACY, java.util.Base64.getEncoder().encodeToString(sealed))
                .instant("createdAt", Instant.now())
                .build());
        table.create(Keys.projectWebhook(project.id(), hookId), Attributes.item(Keys.projectWebhook(project.id(), hookId),
                WebhookRepository.INDEX_TYPE, 1).string("hookId", hookId).build());
    }

    /** The platform's cipher as TestWiring builds it, with or without the retired secret box's key. */
    private SecretCipher cipher(Optional<String> oldKey) {
        return TestWiring.secretCipher(aws, dataDir, oldKey);
    }

    private WebhookService service(SecretCipher cipher) {
        var sqs = aws.clients().sqs();
        return new WebhookService(webhooks, projects, cipher, sqs, QueueUrl.of(sqs, Optional.empty(), aws.config().aws().webhookQueueName()),
                Duration.ofMinutes(5), 10, Clock.systemUTC());
    }

    /** Each delivery its own body: the same signed body twice would be a replay. */
    private static byte[] body(String deliveryId) {
        return ("{\"request\":\"Add search (" + deliveryId + ")\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static java.util.function.Function<String, Optional<String>> signed(String secret, String deliveryId) {
        String signature = WebhookSignatures.sign(secret, Instant.now(), body(deliveryId));
        return header -> switch (header) {
            case WebhookSignatures.SAMOKODER_HEADER -> Optional.of(signature);
            case "samokoder-delivery" -> Optional.of(deliveryId);
            default -> Optional.empty();
        };
    }
}
