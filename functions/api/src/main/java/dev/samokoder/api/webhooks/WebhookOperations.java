package dev.samokoder.api.webhooks;

import dev.samokoder.api.http.ApiRequest;
import dev.samokoder.api.http.ApiResponse;
import dev.samokoder.api.http.Checks;
import dev.samokoder.api.http.QueryParameters;
import dev.samokoder.api.projects.OwnedProject;
import dev.samokoder.core.storage.Page;
import dev.samokoder.services.webhooks.WebhookDelivery;
import dev.samokoder.services.webhooks.WebhookService;
import dev.samokoder.services.webhooks.WebhookSource;
import dev.samokoder.services.webhooks.WebhookTrigger;
import java.time.Instant;
import java.util.List;

/**
 * {@code /v1/projects/{projectId}/webhooks…} (the owner's triggers and their deliveries) and
 * {@code POST /v1/hooks/{hookId}} (the public, signature-checked delivery route).
 */
public final class WebhookOperations {

    /** The only action a trigger has for now: the delivery's payload becomes a change request. */
    static final String ACTION = "change-request";

    record CreateWebhook(String source) {
        CreateWebhook {
            Checks.of().required("source", source)
                    .that(source == null || WebhookSource.parse(source).isPresent(), "source", "must be \"github\" or \"generic\"")
                    .done();
        }
    }

    public record WebhookView(String id, String projectId, String source, String action, String url, Instant createdAt) {
        static WebhookView of(WebhookTrigger trigger) {
            return new WebhookView(trigger.id(), trigger.projectId(), trigger.source().wireName(), ACTION,
                    "/v1/hooks/" + trigger.id(), trigger.createdAt());
        }
    }

    /** Shown once, at creation: the view and the signing secret. */
    public record CreatedWebhook(String id, String projectId, String source, String action, String url, String secret,
                                 Instant createdAt) {
    }

    public record WebhookList(List<WebhookView> items) {
    }

    public record DeliveryView(String deliveryId, String status, String runId, int attempts, String error,
                               Instant receivedAt, Instant updatedAt) {
        static DeliveryView of(WebhookDelivery delivery) {
            return new DeliveryView(delivery.deliveryId(), delivery.status().wireName(), delivery.runId().orElse(null),
                    delivery.attempts(), delivery.error().orElse(null), delivery.receivedAt(), delivery.updatedAt());
        }
    }

    public record DeliveryList(List<DeliveryView> items, String nextCursor) {
    }

    public record Receipt(String deliveryId, String status) {
    }

    private final WebhookService webhooks;

    public WebhookOperations(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    public ApiResponse create(ApiRequest request) {
        String projectId = OwnedProject.id(request);
        var body = request.body(CreateWebhook.class);
        var created = webhooks.create(request.userId(), projectId, WebhookSource.parse(body.source()).orElseThrow());
        WebhookView view = WebhookView.of(created.trigger());
        return ApiResponse.json(201, new CreatedWebhook(view.id(), view.projectId(), view.source(), view.action(), view.url(),
                created.secret(), view.createdAt()));
    }

    public ApiResponse list(ApiRequest request) {
        return ApiResponse.json(200, new WebhookList(webhooks.list(request.userId(), OwnedProject.id(request)).stream()
                .map(WebhookView::of).toList()));
    }

    public ApiResponse delete(ApiRequest request) {
        webhooks.delete(request.userId(), OwnedProject.id(request), request.pathParameter("webhookId"));
        return ApiResponse.noContent();
    }

    public ApiResponse deliveries(ApiRequest request) {
        int limit = QueryParameters.limit(request.query("limit"));
        Page<WebhookDelivery> page = webhooks.deliveries(request.userId(), OwnedProject.id(request),
                request.pathParameter("webhookId"), limit, request.query("cursor").filter(c -> !c.isEmpty()));
        return ApiResponse.json(200, new DeliveryList(page.items().stream().map(DeliveryView::of).toList(),
                page.nextCursor().orElse(null)));
    }

    /** No identity here: the signature is the authentication. 202 when queued, 200 for a repeat or an event that starts nothing. */
    public ApiResponse receive(ApiRequest request) {
        var receipt = webhooks.receive(request.pathParameter("hookId"), request::header, request.rawBody());
        return switch (receipt.outcome()) {
            case QUEUED -> ApiResponse.json(202, new Receipt(receipt.deliveryId(), "queued"));
            case DUPLICATE -> ApiResponse.json(200, new Receipt(receipt.deliveryId(), "duplicate"));
            case IGNORED -> ApiResponse.json(200, new Receipt(receipt.deliveryId(), "ignored"));
        };
    }
}
