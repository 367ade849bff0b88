package dev.samokoder.llm.providers;

import dev.samokoder.shared.config.SamokoderConfig;
import dev.samokoder.shared.llm.LlmGateway;
import dev.samokoder.shared.llm.ledger.CostLedger;
import dev.samokoder.shared.llm.provider.ConfiguredKeySource;
import dev.samokoder.shared.llm.provider.KeySource;
import dev.samokoder.shared.storage.SingleTable;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Wires the gateway the way an agent step's no-argument constructor needs it: from configuration and the table. */
public final class LlmGateways {

    private LlmGateways() {
    }

    /** With the configuration's keys for every user (local mode, until users store their own). */
    public static LlmGateway fromConfig(SamokoderConfig config, DynamoDbClient dynamoDb) {
        return fromConfig(config, dynamoDb, new ConfiguredKeySource(config.llm()));
    }

    public static LlmGateway fromConfig(SamokoderConfig config, DynamoDbClient dynamoDb, KeySource keys) {
        CostLedger ledger = new CostLedger(dynamoDb, new SingleTable(dynamoDb, config.aws().tableName()), Clock.systemUTC());
        return LlmGateway.create(config.llm(), LangChain4jProviders.create(config.llm(), keys), ledger);
    }
}
