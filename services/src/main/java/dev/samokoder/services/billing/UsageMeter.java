package dev.samokoder.services.billing;

import dev.samokoder.core.storage.Attributes;
import dev.samokoder.core.storage.Key;
import dev.samokoder.core.storage.Keys;
import dev.samokoder.core.storage.SingleTable;
import dev.samokoder.core.storage.TableSchema;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The usage ledger: one row per user, month (UTC) and project, made of counters that only grow
 * (atomic {@code ADD}, so concurrent steps never lose each other's counts and no version is
 * needed: a row is never replaced). The LLM gateway records every settled call; the runs API and
 * the sandbox record runs and sandbox seconds through {@link #recordRun} and {@link #recordSandboxSeconds}.
 */
public final class UsageMeter {

    static final String TYPE = "Usage";

    private final DynamoDbClient dynamoDb;
    private final SingleTable table;
    private final Clock clock;

    public UsageMeter(DynamoDbClient dynamoDb, SingleTable table, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.clock = clock;
    }

    /** A model call: its tokens, and its cost as BYOK (shown) or platform-paid (with what was charged). */
    public void recordLlmCall(String userId, String projectId, long promptTokens, long completionTokens, boolean platformPaid,
                              BigDecimal costUsd, BigDecimal chargedUsd) {
        Map<String, AttributeValue> amounts = new HashMap<>();
        amounts.put("llmCalls", AttributeValue.fromN("1"));
        amounts.put("promptTokens", AttributeValue.fromN(Long.toString(promptTokens)));
        amounts.put("completionTokens", AttributeValue.fromN(Long.toString(completionTokens)));
        amounts.put(platformPaid ? "platformCostUsd" : "byokCostUsd", AttributeValue.fromN(costUsd.toPlainString()));
        amounts.put("chargedUsd", AttributeValue.fromN(chargedUsd.toPlainString()));
        add(userId, projectId, amounts);
    }

    /** A run started (the runs API calls this once per run). */
    public void recordRun(String userId, String projectId) {
        add(userId, projectId, Map.of("runs", AttributeValue.fromN("1")));
    }

    /** Seconds a sandbox ran for one of the project's runs. */
    public void recordSandboxSeconds(String userId, String projectId, long seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("seconds must not be negative");
        }
        add(userId, projectId, Map.of("sandboxSeconds", AttributeValue.fromN(Long.toString(seconds))));
    }

    /** The user's usage rows of a month, by project (in project id order). */
    public List<UsageRow> month(String userId, YearMonth month) {
        List<UsageRow> rows = new ArrayList<>();
        for (var item : table.queryAll(Keys.userPartition(userId), Keys.usagePrefix(month))) {
            Attributes a = Attributes.of(item);
            rows.add(new UsageRow(a.string("projectId"), a.optionalNumber("runs").orElse(0), a.optionalNumber("llmCalls").orElse(0),
                    a.optionalNumber("promptTokens").orElse(0), a.optionalNumber("completionTokens").orElse(0),
                    a.optionalDecimal("byokCostUsd").orElse(BigDecimal.ZERO), a.optionalDecimal("platformCostUsd").orElse(BigDecimal.ZERO),
                    a.optionalDecimal("chargedUsd").orElse(BigDecimal.ZERO), a.optionalNumber("sandboxSeconds").orElse(0), 0));
        }
        rows.sort(Comparator.comparing(UsageRow::projectId));
        return rows;
    }

    private void add(String userId, String projectId, Map<String, AttributeValue> amounts) {
        Instant now = clock.instant();
        YearMonth month = YearMonth.from(now.atOffset(ZoneOffset.UTC));
        Key key = Keys.usage(userId, month, projectId);
        Map<String, String> names = new HashMap<>(Map.of("#type", TableSchema.TYPE, "#userId", "userId", "#projectId", "projectId",
                "#month", "month", "#updatedAt", "updatedAt"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":type", AttributeValue.fromS(TYPE), ":userId", AttributeValue.fromS(userId),
                ":projectId", AttributeValue.fromS(projectId), ":month", AttributeValue.fromS(month.toString()),
                ":now", AttributeValue.fromS(now.toString())));
        List<String> adds = new ArrayList<>();
        int i = 0;
        for (var amount : amounts.entrySet()) {
            names.put("#a" + i, amount.getKey());
            values.put(":a" + i, amount.getValue());
            adds.add("#a" + i + " :a" + i);
            i++;
        }
        dynamoDb.updateItem(r -> r.tableName(table.tableName()).key(key.toAttributes())
                .updateExpression("SET #type = :type, #userId = :userId, #projectId = :projectId, #month = :month, #updatedAt = :now ADD "
                        + String.join(", ", adds))
                .expressionAttributeNames(names)
                .expressionAttributeValues(values));
    }
}
