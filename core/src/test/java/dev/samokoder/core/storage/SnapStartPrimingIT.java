package dev.samokoder.core.storage;

import dev.samokoder.core.aws.AwsClients;
import dev.samokoder.core.config.SamokoderConfig;
import dev.samokoder.core.testing.LocalAws;
import dev.samokoder.core.testing.LocalAwsExtension;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

@ExtendWith(LocalAwsExtension.class)
class SnapStartPrimingIT {

    @Test
    void primingReadsTheTableOnce_throughTheFunctionsOwnClients(LocalAws aws) {
        // given: the function's clients, with a counter on their calls
        AtomicInteger calls = new AtomicInteger();
        ExecutionInterceptor counter = new ExecutionInterceptor() {
            @Override
            public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
                calls.incrementAndGet();
            }
        };
        try (AwsClients clients = new AwsClients(aws.config().aws(), java.util.List.of(counter))) {
            // when
            SnapStartPriming.prime(clients);

            // then: one DynamoDB read succeeded (an absent item), so the SDK's classes are loaded and initialized
            assertThat(calls.get()).isEqualTo(1);
        }
    }

    @Test
    void aPrimingThatCannotReachDynamoDb_doesNotFailTheSnapshot(LocalAws aws) {
        // given: clients whose endpoint answers nothing
        var config = aws.config().aws();
        var unreachable = new SamokoderConfig.Aws(config.region(), config.tableName(), config.bucketName(), config.webhookQueueName(),
                config.webhookDeadLetterQueueName(), config.notificationQueueName(), config.notificationDeadLetterQueueName(),
                Optional.of(URI.create("http://127.0.0.1:9")), config.s3Endpoint(), config.sqsEndpoint(), Optional.empty());
        try (AwsClients clients = new AwsClients(unreachable)) {
            // when / then
            assertThatCode(() -> SnapStartPriming.prime(clients)).doesNotThrowAnyException();
        }
    }
}
