package dev.samokoder.api.notifications;

import dev.samokoder.api.http.ApiRequest;
import dev.samokoder.api.http.ApiResponse;
import dev.samokoder.api.http.Checks;
import dev.samokoder.api.projects.OwnedProject;
import dev.samokoder.services.notifications.DestinationGuard;
import dev.samokoder.services.notifications.NotificationEvents;
import dev.samokoder.services.notifications.NotificationService;
import dev.samokoder.services.notifications.NotificationSubscription;
import dev.samokoder.services.runs.RunNotifier.Moment;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code /v1/projects/{projectId}/notifications}: the project's one notification URL. */
public final class NotificationOperations {

    record PutNotifications(String url, List<String> events) {
        PutNotifications {
            Checks.of().required("url", url)
                    .text("url", url, 1, DestinationGuard.MAX_URL_LENGTH, false)
                    .required("events", events)
                    .that(events == null || !events.isEmpty(), "events", "must name at least one of run.succeeded, run.failed, question.asked")
                    .that(events == null || events.stream().allMatch(e -> e != null && NotificationEvents.parse(e).isPresent()),
                            "events", "must be made of run.succeeded, run.failed and question.asked")
                    .done();
        }

        Set<Moment> moments() {
            return events.stream().map(NotificationEvents::parse).map(Optional::orElseThrow).collect(Collectors.toSet());
        }
    }

    public record NotificationView(String projectId, String url, List<String> events, String secret, Instant createdAt,
                                   Instant updatedAt) {
        static NotificationView of(NotificationSubscription subscription, String secret) {
            return new NotificationView(subscription.projectId(), subscription.url(),
                    subscription.events().stream().map(NotificationEvents::wireName).sorted().toList(), secret,
                    subscription.createdAt(), subscription.updatedAt());
        }
    }

    private final NotificationService notifications;

    public NotificationOperations(NotificationService notifications) {
        this.notifications = notifications;
    }

    /** Sets the URL and its moments; the answer carries a new signing secret, shown this once. */
    public ApiResponse put(ApiRequest request) {
        String projectId = OwnedProject.id(request);
        var body = request.body(PutNotifications.class);
        var saved = notifications.put(request.userId(), projectId, body.url(), body.moments());
        return ApiResponse.json(200, NotificationView.of(saved.subscription(), saved.secret()));
    }

    public ApiResponse get(ApiRequest request) {
        return ApiResponse.json(200, NotificationView.of(notifications.get(request.userId(), OwnedProject.id(request)), null));
    }

    public ApiResponse delete(ApiRequest request) {
        notifications.delete(request.userId(), OwnedProject.id(request));
        return ApiResponse.noContent();
    }
}
