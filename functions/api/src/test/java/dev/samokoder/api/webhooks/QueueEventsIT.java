package dev.samokoder.api.webhooks;

import dev.samokoder.api.TestLambdaContext;
import dev.samokoder.core.domain.Ids;
import dev.samokoder.core.domain.Project;
import dev.samokoder.core.domain.ProjectSettings;
import dev.samokoder.core.domain.User;
import dev.samokoder.core.storage.Storage;
import dev.samokoder.core.testing.LocalAws;
import dev.samokoder.core.testing.LocalAwsExtension;
import dev.samokoder.services.notifications.DestinationGuard;
import dev.samokoder.services.notifications.NotificationService;
import dev.samokoder.services.projects.ProjectService;
import dev.samokoder.services.runs.Run;
import dev.samokoder.services.runs.RunNotifier;
import dev.samokoder.services.runs.RunStarter;
import dev.samokoder.services.runs.RunStatus;
import dev.samokoder.services.webhooks.WebhookDelivery;
import dev.samokoder.services.webhooks.WebhookService;
import dev.samokoder.services.webhooks.WebhookSignatures;
import dev.samokoder.services.webhooks.WebhookSource;
import dev.samokoder.services.wiring.TestWiring;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample SQS events of {@code events/sqs/}, delivered to the real queue handlers as Lambda's
 * SQS event source would, against the embedded stack.
 */
@ExtendWith(LocalAwsExtension.class)
class QueueEventsIT {

    private static final Path FOLDER = Path.of("..", "..", "events", "sqs");
    private static final PojoSerializer<SQSEvent> RUNTIME_SERIALIZER =
            LambdaEventSerializers.serializerFor(SQSEvent.class, QueueEventsIT.class.getClassLoader());

    private final List<String> started = new CopyOnWriteArrayList<>();
    private final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
    private HttpServer receiver;
    private HookServices hooks;
    private ProjectService projects;
    private String userId;
    private Project project;

    @BeforeEach
    void setUp(LocalAws aws) throws IOException {
        var config = aws.config().withHooks(aws.config().hooks().withNotificationAllowedHosts(List.of("127.0.0.1")));
        hooks = HookServices.create(TestWiring.of(config, aws.clients(), Clock.systemUTC()));
        Storage storage = aws.storage();
        projects = new ProjectService(storage.projects(), storage.files());
        userId = Ids.newId(User.ID_PREFIX);
        project = projects.create(userId, "Todo app", "", ProjectSettings.defaults());
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            received.add(Map.of("signature", String.valueOf(exchange.getRequestHeaders().getFirst("Samokoder-Signature")),
                    "event", String.valueOf(exchange.getRequestHeaders().getFirst("Samokoder-Event"))));
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
    void webhookDelivery_startsTheRunAndReportsNoFailure() throws IOException {
        Map<String, String> values = storedDelivery();

        SQSBatchResponse response = consumer().handleRequest(load("webhook-delivery.json", values), new TestLambdaContext("sqs-1"));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(started).containsExactly(project.id());
    }

    @Test
    void webhookDeliveryPoison_reportsOnlyTheUnreadableRecord() throws IOException {
        Map<String, String> values = storedDelivery();

        SQSBatchResponse response = consumer().handleRequest(load("webhook-delivery.poison.json", values), new TestLambdaContext("sqs-2"));

        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("c4e2d1f0-9a8b-47c6-b5d4-e3f2a1b0c9d8");
        assertThat(started).containsExactly(project.id());
    }

    @Test
    void runNotification_isPostedSignedToTheProjectsUrl() throws IOException {
        subscribe(Set.of(RunNotifier.Moment.RUN_SUCCEEDED));

        SQSBatchResponse response = sender().handleRequest(load("run-notification.json", owner()), new TestLambdaContext("sqs-3"));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(received).hasSize(1);
        assertThat(received.getFirst().get("event")).isEqualTo("run.succeeded");
        assertThat(received.getFirst().get("signature")).matches("t=\\d+,v1=[0-9a-f]{64}");
    }

    @Test
    void runNotificationUnsubscribed_sendsNothing() throws IOException {
        subscribe(Set.of(RunNotifier.Moment.RUN_SUCCEEDED));

        SQSBatchResponse response = sender().handleRequest(load("run-notification.unsubscribed.json", owner()), new TestLambdaContext("sqs-4"));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(received).isEmpty();
    }

    @Test
    void runNotification_toAReceiverThatIsDownIsReportedForARetry() throws IOException {
        subscribe(Set.of(RunNotifier.Moment.RUN_SUCCEEDED));
        receiver.stop(0);

        SQSBatchResponse response = sender().handleRequest(load("run-notification.json", owner()), new TestLambdaContext("sqs-5"));

        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("5e6f7a8b-9c0d-41e2-a3b4-c5d6e7f8a9b0");
    }

    private WebhookConsumerHandler consumer() {
        RunStarter runs = (user, projectId, kind, request, mode) -> {
            started.add(projectId);
            Instant now = Instant.now();
            return new Run(Ids.newId(Run.ID_PREFIX), projectId, user, kind, request, RunStatus.RUNNING, null,
                    Optional.empty(), Optional.empty(), new Run.Control(1, Optional.empty(), Optional.empty(), "snapshots/x"), now, now, 1);
        };
        return new WebhookConsumerHandler(hooks, runs);
    }

    private NotificationSenderHandler sender() {
        return new NotificationSenderHandler(hooks);
    }

    /** A trigger on the project and one delivery accepted by it, as the API stores it. */
    private Map<String, String> storedDelivery() {
        WebhookService webhooks = new WebhookService(hooks.webhooks(), projects, hooks.cipher(), hooks.sqs(),
                hooks.webhookQueue(), Duration.ofMinutes(5), 10, Clock.systemUTC());
        var created = webhooks.create(userId, project.id(), WebhookSource.GENERIC);
        byte[] body = "{\"request\":\"Add search\"}".getBytes(StandardCharsets.UTF_8);
        String deliveryId = "d-" + UUID.randomUUID();
        webhooks.receive(created.trigger().id(), header -> switch (header) {
            case "samokoder-delivery" -> Optional.of(deliveryId);
            case WebhookSignatures.GITHUB_HEADER -> Optional.of(WebhookSignatures.signGitHub(created.secret(), body));
            default -> Optional.empty();
        }, body);
        WebhookDelivery delivery = hooks.webhooks().deliveries(created.trigger().id(), 1, Optional.empty()).items().getFirst();
        return Map.of("hookId", created.trigger().id(), "deliveryId", deliveryId, "receivedAt", delivery.receivedAt().toString());
    }

    private void subscribe(Set<RunNotifier.Moment> moments) {
        new NotificationService(hooks.subscriptions(), projects, hooks.cipher(), DestinationGuard.system(List.of("127.0.0.1")),
                Clock.systemUTC()).put(userId, project.id(), "http://127.0.0.1:" + receiver.getAddress().getPort() + "/events", moments);
    }

    private Map<String, String> owner() {
        return Map.of("projectId", project.id(), "userId", userId);
    }

    private static SQSEvent load(String file, Map<String, String> values) throws IOException {
        String text = Files.readString(FOLDER.resolve(file));
        List<String> missing = new ArrayList<>();
        for (var matcher = java.util.regex.Pattern.compile("\\$\\{([A-Za-z]+)}").matcher(text); matcher.find(); ) {
            if (!values.containsKey(matcher.group(1))) {
                missing.add(matcher.group(1));
            }
        }
        assertThat(missing).as(file + ": placeholders without a value").isEmpty();
        for (var entry : values.entrySet()) {
            text = text.replace("${" + entry.getKey() + "}", entry.getValue());
        }
        return RUNTIME_SERIALIZER.fromJson(text);
    }
}
