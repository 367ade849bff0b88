package dev.samokoder.local.api;

import dev.samokoder.core.config.SamokoderConfig;
import dev.samokoder.core.http.Json;
import dev.samokoder.core.secrets.LegacySecretBox;
import dev.samokoder.core.secrets.LocalMasterKeyCipher;
import dev.samokoder.core.secrets.SealedAttributes;
import dev.samokoder.core.storage.Keys;
import dev.samokoder.core.storage.PlatformResources;
import dev.samokoder.core.storage.Storage;
import dev.samokoder.local.LocalPlatform;
import dev.samokoder.services.runs.Run;
import dev.samokoder.services.runs.RunKind;
import dev.samokoder.services.runs.RunNotifier;
import dev.samokoder.services.runs.RunStatus;
import dev.samokoder.services.webhooks.WebhookSignatures;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhook triggers and notifications end to end: real HTTP to the local gateway, the real API
 * handler, the webhook queue and its dead-letter queue on ElasticMQ, the platform's own queue
 * pollers calling the consumer and sender handlers, and a real HTTP receiver for notifications.
 * Only the run starter is the test's own (the runs API is another issue).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhooksIT {

    private static final String PASSWORD = "correct horse battery staple";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final RecordingRunStarter runs = new RecordingRunStarter();
    private final List<String> secretsSeen = new ArrayList<>();
    private LocalPlatform platform;
    private ApiClient api;
    private Path dataDir;

    @BeforeAll
    void start(@TempDir Path dataDir) {
        this.dataDir = dataDir;
        Map<String, String> env = TestPlatforms.env(dataDir);
        env.put("SAMOKODER_QUEUE_RETRY_BASE_SECONDS", "0"); // retries at once: the poison test needs all of its tries
        env.put("SAMOKODER_NOTIFICATION_ALLOWED_HOSTS", "127.0.0.1"); // the local receiver
        platform = LocalPlatform.start(SamokoderConfig.fromEnv(env), Clock.systemUTC(), runs);
        runs.useProjects(Storage.create(platform.clients(), platform.config(), Clock.systemUTC()).projects());
        api = new ApiClient(platform.port());
    }

    @AfterAll
    void stop() throws IOException {
        platform.close();
        TestPlatforms.assertNotLogged(secretsSeen);
    }

    // --- webhook triggers (in) ---

    @Test
    void aSignedDeliveryStartsOneRunAndTheSameDeliveryAgainStartsNone() {
        Owner owner = owner();
        Hook hook = hook(owner, "generic");
        byte[] body = "{\"request\":\"Add a dark mode toggle\"}".getBytes(StandardCharsets.UTF_8);

        ApiClient.Response accepted = deliver(hook, body, Map.of("Samokoder-Delivery", "order-1",
                "Samokoder-Signature", WebhookSignatures.sign(hook.secret(), Instant.now(), body)));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        assertThat(accepted.json().path("status").asText()).isEqualTo("queued");
        await("the consumer starts the run").atMost(PATIENCE).until(() -> runs.callsFor(owner.projectId()).size() == 1);
        RecordingRunStarter.Call call = runs.callsFor(owner.projectId()).getFirst();
        assertThat(call.userId()).isEqualTo(owner.userId());
        assertThat(call.kind()).isEqualTo(RunKind.CHANGE_REQUEST);
        assertThat(call.request()).isEqualTo("Add a dark mode toggle");

        // the same delivery id, freshly signed, and the very same signed request replayed: no second run
        ApiClient.Response again = deliver(hook, body, Map.of("Samokoder-Delivery", "order-1",
                "Samokoder-Signature", WebhookSignatures.sign(hook.secret(), Instant.now().plusSeconds(1), body)));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("status").asText()).isEqualTo("duplicate");
        byte[] other = "{\"request\":\"Another change\"}".getBytes(StandardCharsets.UTF_8);
        String signature = WebhookSignatures.signGitHub(hook.secret(), other);
        assertThat(deliver(hook, other, Map.of("X-Hub-Signature-256", signature)).status()).isEqualTo(202);
        ApiClient.Response replay = deliver(hook, other, Map.of("X-Hub-Signature-256", signature, "X-GitHub-Delivery", "new-id"));
        assertThat(replay.json().path("status").asText()).isEqualTo("duplicate");
        await("the second delivery starts its run").atMost(PATIENCE).until(() -> runs.callsFor(owner.projectId()).size() == 2);
        await("no third run starts").during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                .until(() -> runs.callsFor(owner.projectId()).size() == 2);

        // the owner sees what became of the delivery
        JsonNode deliveries = api.get(hook.path() + "/deliveries", owner.token()).json().path("items");
        JsonNode first = find(deliveries, "order-1");
        assertThat(first.path("status").asText()).isEqualTo("started");
        assertThat(first.path("runId").asText()).isEqualTo(call.runId());
        assertThat(first.path("attempts").asInt()).isEqualTo(1);
    }

    @Test
    void theSignatureIsCheckedOverTheExactBytesSent() {
        Owner owner = owner();
        Hook hook = hook(owner, "generic");
        // non-ASCII text, CRLF and spacing a re-serialization would change
        byte[] body = "{ \"request\" :\r\n  \"Übersetze die App ins Deutsche — bitte\" }  ".getBytes(StandardCharsets.UTF_8);
        ApiClient.Response accepted = deliver(hook, body, Map.of("X-Hub-Signature-256", WebhookSignatures.signGitHub(hook.secret(), body)));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        await("the run starts").atMost(PATIENCE).until(() -> runs.callsFor(owner.projectId()).size() == 1);
        assertThat(runs.callsFor(owner.projectId()).getFirst().request()).isEqualTo("Übersetze die App ins Deutsche — bitte");

        // bytes that are not UTF-8 still reach the handler as sent: the signature verifies, the JSON does not
        byte[] notUtf8 = {'{', '"', 'r', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}'};
        ApiClient.Response refused = deliver(hook, notUtf8, Map.of("X-Hub-Signature-256", WebhookSignatures.signGitHub(hook.secret(), notUtf8)));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.problemType()).isEqualTo("validation");
    }

    @Test
    void missingWrongAndStaleSignaturesAre401AndStartNothing() {
        Owner owner = owner();
        Hook hook = hook(owner, "generic");
        Hook otherHook = hook(owner(), "generic");
        byte[] body = "{\"request\":\"Do something\"}".getBytes(StandardCharsets.UTF_8);

        ApiClient.Response none = deliver(hook, body, Map.of());
        ApiClient.Response wrong = deliver(hook, body, Map.of("X-Hub-Signature-256", "sha256=" + "ab".repeat(32)));
        ApiClient.Response otherSecret = deliver(hook, body, Map.of("X-Hub-Signature-256", WebhookSignatures.signGitHub(otherHook.secret(), body)));
        ApiClient.Response tampered = deliver(hook, "{\"request\":\"Do something else\"}".getBytes(StandardCharsets.UTF_8),
                Map.of("X-Hub-Signature-256", WebhookSignatures.signGitHub(hook.secret(), body)));
        ApiClient.Response stale = deliver(hook, body, Map.of("Samokoder-Signature",
                WebhookSignatures.sign(hook.secret(), Instant.now().minus(Duration.ofMinutes(6)), body)));
        ApiClient.Response future = deliver(hook, body, Map.of("Samokoder-Signature",
                WebhookSignatures.sign(hook.secret(), Instant.now().plus(Duration.ofMinutes(6)), body)));
        ApiClient.Response unknownHook = api.send(api.builder("/v1/hooks/hook_0000000000000000000a", null)
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", WebhookSignatures.signGitHub(hook.secret(), body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));

        for (ApiClient.Response response : List.of(none, wrong, otherSecret, tampered, unknownHook)) {
            assertThat(response.status()).as(response.body()).isEqualTo(401);
            assertThat(response.problemType()).isEqualTo("invalid-signature");
        }
        for (ApiClient.Response response : List.of(stale, future)) {
            assertThat(response.status()).as(response.body()).isEqualTo(401);
            assertThat(response.problemType()).isEqualTo("stale-signature");
        }
        // and a fresh one within the tolerance is fine
        assertThat(deliver(hook, body, Map.of("Samokoder-Signature",
                WebhookSignatures.sign(hook.secret(), Instant.now().minus(Duration.ofMinutes(4)), body))).status()).isEqualTo(202);
        await("only the valid delivery starts a run").atMost(PATIENCE).until(() -> runs.callsFor(owner.projectId()).size() == 1);
        assertThat(api.get(hook.path() + "/deliveries", owner.token()).json().path("items")).hasSize(1);
    }

    @Test
    void aGitHubIssueOpenedStartsARunAndOtherEventsAreAcknowledged() {
        Owner owner = owner();
        Hook hook = hook(owner, "github");
        byte[] ping = "{\"zen\":\"Keep it logically awesome.\",\"hook_id\":1}".getBytes(StandardCharsets.UTF_8);
        ApiClient.Response pinged = deliver(hook, ping, Map.of("X-GitHub-Event", "ping", "X-GitHub-Delivery", "gh-ping",
                "X-Hub-Signature-256", WebhookSignatures.signGitHub(hook.secret(), ping)));
        assertThat(pinged.status()).isEqualTo(200);
        assertThat(pinged.json().path("status").asText()).isEqualTo("ignored");

        byte[] issue = ("{\"action\":\"opened\",\"issue\":{\"number\":42,\"title\":\"Login button does nothing\","
                + "\"body\":\"Clicking it on mobile has no effect.\",\"html_url\":\"https://github.com/ada/todo/issues/42\"}}")
                .getBytes(StandardCharsets.UTF_8);
        ApiClient.Response opened = deliver(hook, issue, Map.of("X-GitHub-Event", "issues", "X-GitHub-Delivery", "gh-1",
                "X-Hub-Signature-256", WebhookSignatures.signGitHub(hook.secret(), issue)));
        assertThat(opened.status()).as(opened.body()).isEqualTo(202);
        await("the issue starts a run").atMost(PATIENCE).until(() -> runs.callsFor(owner.projectId()).size() == 1);
        assertThat(runs.callsFor(owner.projectId()).getFirst().request())
                .startsWith("GitHub issue #42: Login button does nothing")
                .contains("Clicking it on mobile has no effect.");
    }

    @Test
    void aDeliveryThatKeepsFailingEndsInTheDeadLetterQueueAndShowsInTheApi() {
        Owner owner = owner();
        Hook hook = hook(owner, "generic");
        byte[] body = "{\"request\":\"A poison request\"}".getBytes(StandardCharsets.UTF_8);
        ApiClient.Response accepted = deliver(hook, body, Map.of("Samokoder-Delivery", "poison-1",
                "Samokoder-Signature", WebhookSignatures.sign(hook.secret(), Instant.now(), body)));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);

        await("the delivery is dead-lettered").atMost(PATIENCE).until(() -> "dead-lettered".equals(
                find(api.get(hook.path() + "/deliveries", owner.token()).json().path("items"), "poison-1").path("status").asText()));
        JsonNode delivery = find(api.get(hook.path() + "/deliveries", owner.token()).json().path("items"), "poison-1");
        assertThat(delivery.path("attempts").asInt()).isEqualTo(PlatformResources.WEBHOOK_MAX_RECEIVES);
        assertThat(delivery.path("error").asText()).contains("could not be started").doesNotContain("Exception");
        assertThat(runs.callsFor(owner.projectId())).hasSize(PlatformResources.WEBHOOK_MAX_RECEIVES);

        var sqs = platform.clients().sqs();
        String dlq = sqs.getQueueUrl(r -> r.queueName(platform.config().aws().webhookDeadLetterQueueName())).queueUrl();
        List<Message> dead = new ArrayList<>();
        await("the message is in the dead-letter queue").atMost(PATIENCE).until(() -> {
            sqs.receiveMessage(r -> r.queueUrl(dlq).maxNumberOfMessages(10).waitTimeSeconds(1).visibilityTimeout(0)).messages()
                    .stream().filter(m -> m.body().contains("poison-1")).forEach(dead::add);
            return !dead.isEmpty();
        });
        assertThat(dead.getFirst().body()).contains(hook.id());
        await("no try after the last one").during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2))
                .until(() -> runs.callsFor(owner.projectId()).size() == PlatformResources.WEBHOOK_MAX_RECEIVES);
    }

    @Test
    void secretsAreSealedLikeStoredLlmKeys_byTheDataDirsMasterKey_boundToTheirItem() {
        Owner owner = owner();
        Hook hook = hook(owner, "generic");
        String notificationSecret = subscribe(owner, "http://127.0.0.1:9/hooks", "[\"run.failed\"]");
        String table = platform.config().aws().tableName();

        Map<String, AttributeValue> trigger = platform.clients().dynamoDb()
                .getItem(r -> r.tableName(table).key(Keys.webhook(hook.id()).toAttributes())).item();
        Map<String, AttributeValue> subscription = platform.clients().dynamoDb()
                .getItem(r -> r.tableName(table).key(Keys.notificationSubscription(owner.projectId()).toAttributes())).item();

        assertThat(trigger.get("scheme").s()).isEqualTo(LocalMasterKeyCipher.SCHEME);
        assertThat(subscription.get("scheme").s()).isEqualTo(LocalMasterKeyCipher.SCHEME);
        assertThat(trigger).doesNotContainKey(SealedAttributes.LEGACY);
        assertThat(subscription).doesNotContainKey(SealedAttributes.LEGACY);
        assertThat(trigger.toString()).doesNotContain(hook.secret()).doesNotContain(hook.secret().substring(6));
        assertThat(subscription.toString()).doesNotContain(notificationSecret).doesNotContain(notificationSecret.substring(6));
        assertThat(dataDir.resolve(LocalMasterKeyCipher.FILE)).exists();
        assertThat(dataDir.resolve(LegacySecretBox.FILE)).as("the retired secret box's key is never made").doesNotExist();
    }

    @Test
    void triggersArePrivateToTheirOwner() {
        Owner owner = owner();
        Owner stranger = owner();
        Hook hook = hook(owner, "generic");
        ApiClient.Response list = api.get("/v1/projects/" + owner.projectId() + "/webhooks", owner.token());
        assertThat(list.json().path("items")).hasSize(1);
        assertThat(list.body()).doesNotContain(hook.secret()).doesNotContain("sealed");

        assertThat(api.get("/v1/projects/" + owner.projectId() + "/webhooks", stranger.token()).status()).isEqualTo(404);
        assertThat(api.get(hook.path() + "/deliveries", stranger.token()).status()).isEqualTo(404);
        assertThat(api.delete(hook.path(), stranger.token()).status()).isEqualTo(404);
        assertThat(api.delete("/v1/projects/" + stranger.projectId() + "/webhooks/" + hook.id(), stranger.token()).status()).isEqualTo(404);

        assertThat(api.delete(hook.path(), owner.token()).status()).isEqualTo(204);
        byte[] body = "{\"request\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(deliver(hook, body, Map.of("X-Hub-Signature-256", WebhookSignatures.signGitHub(hook.secret(), body))).status())
                .as("a deleted trigger takes no more deliveries").isEqualTo(401);

        // a trigger of a deleted project takes none either
        Hook orphan = hook(owner, "generic");
        assertThat(api.delete("/v1/projects/" + owner.projectId(), owner.token()).status()).isEqualTo(204);
        assertThat(deliver(orphan, body, Map.of("X-Hub-Signature-256", WebhookSignatures.signGitHub(orphan.secret(), body))).status())
                .isEqualTo(401);
        assertThat(runs.callsFor(owner.projectId())).isEmpty();
    }

    // --- notifications (out) ---

    @Test
    void aNotificationIsDeliveredSignedToTheProjectsUrl() {
        Owner owner = owner();
        try (NotificationReceiver receiver = new NotificationReceiver(0)) {
            String secret = subscribe(owner, receiver.url("/samokoder"), "[\"run.succeeded\",\"question.asked\"]");

            Run run = run(owner, RunStatus.SUCCEEDED);
            platform.runNotifier().notify(run, RunNotifier.Moment.RUN_FAILED); // not subscribed to: never sent
            platform.runNotifier().notify(run, RunNotifier.Moment.RUN_SUCCEEDED);

            await("the receiver gets the notification").atMost(PATIENCE).until(() -> !receiver.received().isEmpty());
            await("the one not subscribed to never comes").during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2))
                    .until(() -> receiver.received().size() == 1);
            NotificationReceiver.Received received = receiver.received().getFirst();
            WebhookSignatures.verify(secret, Optional.of(received.header("Samokoder-Signature")), Optional.empty(), received.body(),
                    Instant.now(), Duration.ofMinutes(5)); // throws if it does not verify
            assertThat(received.header("Samokoder-Event")).isEqualTo("run.succeeded");
            assertThat(received.header("Content-Type")).isEqualTo("application/json");
            JsonNode body = json(received.body());
            assertThat(body.path("type").asText()).isEqualTo("run.succeeded");
            assertThat(body.path("id").asText()).isEqualTo(received.header("Samokoder-Delivery"));
            assertThat(body.path("data").path("runId").asText()).isEqualTo(run.id());
            assertThat(body.path("data").path("projectId").asText()).isEqualTo(owner.projectId());
            assertThat(body.path("data").path("status").asText()).isEqualTo("succeeded");
        }
    }

    @Test
    void aReceiverThatFailsIsTriedAgainWithTheSameNotification() {
        Owner owner = owner();
        try (NotificationReceiver receiver = new NotificationReceiver(2)) {
            subscribe(owner, receiver.url("/flaky"), "[\"run.failed\"]");

            platform.runNotifier().notify(run(owner, RunStatus.FAILED).withFailure(Optional.of("tests failed")), RunNotifier.Moment.RUN_FAILED);

            await("the third try gets through").atMost(PATIENCE).until(() -> receiver.received().size() == 3);
            await("no fourth try comes").during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2))
                    .until(() -> receiver.received().size() == 3);
            List<NotificationReceiver.Received> tries = receiver.received();
            assertThat(tries).hasSize(3);
            assertThat(tries).extracting(r -> r.header("Samokoder-Delivery")).containsOnly(tries.getFirst().header("Samokoder-Delivery"));
            assertThat(json(tries.getLast().body()).path("data").path("failure").asText()).isEqualTo("tests failed");
        }
    }

    @Test
    void notificationUrlsThatReachIntoPrivateNetworksAreRefused() {
        Owner owner = owner();
        for (String url : List.of("http://169.254.169.254/latest/meta-data/", "https://169.254.169.254/", "https://[fd00:ec2::254]/",
                "https://10.1.2.3/hook", "https://192.168.0.10/hook", "https://172.16.5.4/hook", "https://localhost/hook",
                "https://[::1]/hook", "https://[::ffff:10.0.0.1]/hook", "https://0.0.0.0/hook", "https://100.100.100.200/",
                "http://example.com/not-https", "https://user:pass@127.0.0.1/hook", "ftp://127.0.0.1/")) {
            ApiClient.Response refused = api.send(api.builder("/v1/projects/" + owner.projectId() + "/notifications", owner.token())
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"url\":\"" + url + "\",\"events\":[\"run.failed\"]}")));
            assertThat(refused.status()).as(url + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.json().path("errors").path(0).path("field").asText()).as(url).isEqualTo("url");
        }
        assertThat(api.get("/v1/projects/" + owner.projectId() + "/notifications", owner.token()).status()).isEqualTo(404);
    }

    @Test
    void notificationSettingsArePrivateAndCanBeRemoved() {
        Owner owner = owner();
        Owner stranger = owner();
        String path = "/v1/projects/" + owner.projectId() + "/notifications";
        String secret = subscribe(owner, "http://127.0.0.1:9/hooks", "[\"run.failed\"]");
        ApiClient.Response read = api.get(path, owner.token());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("url").asText()).isEqualTo("http://127.0.0.1:9/hooks");
        assertThat(read.body()).doesNotContain(secret);
        assertThat(api.get(path, stranger.token()).status()).isEqualTo(404);
        assertThat(api.delete(path, stranger.token()).status()).isEqualTo(404);
        assertThat(api.delete(path, owner.token()).status()).isEqualTo(204);
        assertThat(api.get(path, owner.token()).status()).isEqualTo(404);
    }

    // --- helpers ---

    private record Owner(String userId, String token, String projectId) {
    }

    private record Hook(String id, String projectId, String secret) {
        String path() {
            return "/v1/projects/" + projectId + "/webhooks/" + id;
        }
    }

    private Owner owner() {
        String email = "u" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        ApiClient.Response registered = api.post("/v1/auth/register", null,
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String token = api.post("/v1/auth/login", null, "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}")
                .json().path("accessToken").asText();
        ApiClient.Response project = api.post("/v1/projects", token, "{\"name\":\"Todo app\"}");
        assertThat(project.status()).as(project.body()).isEqualTo(201);
        return new Owner(registered.json().path("id").asText(), token, project.json().path("id").asText());
    }

    private Hook hook(Owner owner, String source) {
        ApiClient.Response created = api.post("/v1/projects/" + owner.projectId() + "/webhooks", owner.token(),
                "{\"source\":\"" + source + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String secret = created.json().path("secret").asText();
        assertThat(secret).startsWith("whsec_");
        secretsSeen.add(secret);
        assertThat(created.json().path("url").asText()).isEqualTo("/v1/hooks/" + created.json().path("id").asText());
        return new Hook(created.json().path("id").asText(), owner.projectId(), secret);
    }

    private ApiClient.Response deliver(Hook hook, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = api.builder("/v1/hooks/" + hook.id(), null)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return api.send(request);
    }

    private String subscribe(Owner owner, String url, String events) {
        ApiClient.Response saved = api.send(api.builder("/v1/projects/" + owner.projectId() + "/notifications", owner.token())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"url\":\"" + url + "\",\"events\":" + events + "}")));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        String secret = saved.json().path("secret").asText();
        secretsSeen.add(secret);
        return secret;
    }

    private static Run run(Owner owner, RunStatus status) {
        Instant now = Instant.now();
        return new Run("run_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20), owner.projectId(), owner.userId(),
                RunKind.CHANGE_REQUEST, "a change", status, null, Optional.empty(), Optional.empty(),
                new Run.Control(1, Optional.empty(), Optional.empty(), "snapshots/x"), now, now, 3);
    }

    private static JsonNode find(JsonNode deliveries, String deliveryId) {
        for (JsonNode delivery : deliveries) {
            if (delivery.path("deliveryId").asText().equals(deliveryId)) {
                return delivery;
            }
        }
        return Json.mapper().missingNode();
    }

    private static JsonNode json(byte[] body) {
        try {
            return Json.mapper().readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + new String(body, StandardCharsets.UTF_8), e);
        }
    }
}
