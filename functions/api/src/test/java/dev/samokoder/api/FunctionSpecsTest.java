package dev.samokoder.api;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.samokoder.api.routes.ApiRoutes;
import dev.samokoder.api.routes.FunctionSpec;
import dev.samokoder.api.routes.QueueFunctions;
import dev.samokoder.api.webhooks.NotificationSenderHandler;
import dev.samokoder.api.webhooks.WebhookConsumerHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The route table names its functions' handlers as strings (CDK reads it without this jar): they are this module's. */
class FunctionSpecsTest {

    @Test
    void everyFunctionOfTheTableNamesItsHandlerInThisModule() {
        Map<FunctionSpec, Class<?>> handlers = Map.of(
                ApiRoutes.API, ApiHandler.class,
                QueueFunctions.WEBHOOK_CONSUMER, WebhookConsumerHandler.class,
                QueueFunctions.NOTIFICATION_SENDER, NotificationSenderHandler.class);
        List<FunctionSpec> functions = new ArrayList<>(ApiRoutes.functions());
        functions.addAll(QueueFunctions.all());

        assertThat(functions).containsExactlyInAnyOrderElementsOf(handlers.keySet());
        handlers.forEach((function, handler) -> {
            assertThat(function.handlerClass()).as(function.name()).isEqualTo(handler.getName());
            assertThat(handler).as(function.name()).isAssignableTo(RequestHandler.class);
        });
    }
}
