package dev.samokoder.core.storage;

import dev.samokoder.core.aws.AwsClients;
import dev.samokoder.core.http.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Map;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Warms a function before SnapStart takes its snapshot: one harmless DynamoDB read (a key no item
 * has) loads and initializes the SDK's client, HTTP and marshalling classes, and a JSON round
 * trip does the same for Jackson, so the first request after a restore does not pay for them.
 * Registered by the handlers' no-argument (Lambda) constructors; off SnapStart it never runs.
 */
public final class SnapStartPriming implements Resource {

    private static final Logger log = LoggerFactory.getLogger(SnapStartPriming.class);
    /** CRaC holds resources weakly: this keeps the registered one alive. */
    private static volatile SnapStartPriming registered;

    private final AwsClients clients;

    private SnapStartPriming(AwsClients clients) {
        this.clients = clients;
    }

    public static void register(AwsClients clients) {
        SnapStartPriming priming = new SnapStartPriming(clients);
        registered = priming;
        Core.getGlobalContext().register(priming);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime(clients);
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // nothing to renew: the clients open connections on demand
    }

    /** The priming itself; a failure is logged, never fatal (the snapshot is still usable, only colder). */
    static void prime(AwsClients clients) {
        try {
            clients.dynamoDb().getItem(r -> r.tableName(clients.config().tableName())
                    .key(Map.of(TableSchema.PK, AttributeValue.fromS("PRIMING"), TableSchema.SK, AttributeValue.fromS("PRIMING"))));
            JsonNode node = Json.mapper().readTree(Json.mapper().writeValueAsString(Map.of("priming", true)));
            log.info("primed before the SnapStart snapshot ({})", node.path("priming").asBoolean());
        } catch (IOException | RuntimeException e) {
            log.warn("priming before the SnapStart snapshot failed; the function starts colder", e);
        }
    }
}
