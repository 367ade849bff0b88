package dev.samokoder.services.apikeys;

import dev.samokoder.core.config.RetryPolicy;
import dev.samokoder.core.domain.Ids;
import dev.samokoder.core.storage.Attributes;
import dev.samokoder.core.storage.Key;
import dev.samokoder.core.storage.Keys;
import dev.samokoder.core.storage.OptimisticRetry;
import dev.samokoder.core.storage.SingleTable;
import dev.samokoder.core.storage.TableSchema;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * API keys for programs. A key is two items written together: the key under its user (name,
 * scopes, expiry, last use, this month's request count) and a lookup by the keyed hash of the
 * secret, which is all authentication reads. Revoking deletes both at once, so the next request
 * with the key is refused. The monthly quota is one conditional update per request: the count
 * and the check are one write, so concurrent requests cannot together pass it.
 */
public final class ApiKeyService {

    static final String TYPE = "ApiKey";
    static final String LOOKUP_TYPE = "ApiKeyLookup";
    public static final int MAX_NAME_LENGTH = 100;
    /** How long an expired key's lookup stays before DynamoDB's TTL may remove it (it is refused either way). */
    private static final Duration LOOKUP_GRACE = Duration.ofDays(1);

    private final DynamoDbClient dynamoDb;
    private final SingleTable table;
    private final ApiKeySecrets secrets;
    private final long monthlyQuota;
    private final int maxPerUser;
    private final Clock clock;
    private final OptimisticRetry retry;

    public ApiKeyService(DynamoDbClient dynamoDb, SingleTable table, ApiKeySecrets secrets, long monthlyQuota, int maxPerUser,
                         Clock clock) {
        this(dynamoDb, table, secrets, monthlyQuota, maxPerUser, clock, RetryPolicy.defaults());
    }

    /** @param conflictRetry how a request that lost the race to start the key's month to another looks again */
    public ApiKeyService(DynamoDbClient dynamoDb, SingleTable table, ApiKeySecrets secrets, long monthlyQuota, int maxPerUser,
                         Clock clock, RetryPolicy conflictRetry) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.secrets = secrets;
        this.monthlyQuota = monthlyQuota;
        this.maxPerUser = maxPerUser;
        this.clock = clock;
        this.retry = new OptimisticRetry(conflictRetry);
    }

    public long monthlyQuota() {
        return monthlyQuota;
    }

    /**
     * Makes a key; its secret is in the answer and nowhere else.
     *
     * @throws TooManyApiKeysException if the user holds the most keys allowed
     */
    public IssuedApiKey create(String userId, String name, Set<ApiScope> scopes, Optional<Instant> expiresAt) {
        if (list(userId).size() >= maxPerUser) {
            throw new TooManyApiKeysException(maxPerUser);
        }
        String secret = secrets.newSecret();
        String hash = secrets.hash(secret);
        ApiKey key = new ApiKey(Ids.newId(ApiKey.ID_PREFIX), userId, name, ApiKeySecrets.shown(secret), scopes, clock.instant(),
                expiresAt, Optional.empty(), Optional.empty(), 0, 1);
        var keyItem = Attributes.item(Keys.apiKey(userId, key.id()), TYPE, 1)
                .string("id", key.id())
                .string("userId", userId)
                .string("name", name)
                .string("prefix", key.prefix())
                .stringList("scopes", wireNames(scopes))
                .instant("createdAt", key.createdAt())
                .optionalInstant("expiresAt", expiresAt)
                .string("hash", hash)
                .number(USAGE_COUNT, 0)
                .build();
        var lookup = Attributes.item(Keys.apiKeyHash(hash), LOOKUP_TYPE, 1)
                .string("userId", userId)
                .string("keyId", key.id())
                .stringList("scopes", wireNames(scopes))
                .optionalInstant("expiresAt", expiresAt)
                .optionalNumber(TableSchema.TTL, expiresAt.isPresent()
                        ? OptionalLong.of(expiresAt.get().plus(LOOKUP_GRACE).getEpochSecond()) : OptionalLong.empty())
                .build();
        table.transact(List.of(table.createOp(keyItem), table.createOp(lookup)), (index, stored) ->
                new IllegalStateException("a new key's id or hash is already taken (" + index + ")"));
        return new IssuedApiKey(key, secret);
    }

    /** The user's keys, oldest first. */
    public List<ApiKey> list(String userId) {
        return table.queryAll(Keys.userPartition(userId), Keys.API_KEY_PREFIX).stream()
                .map(ApiKeyService::fromItem)
                .sorted(Comparator.comparing(ApiKey::createdAt).thenComparing(ApiKey::id))
                .toList();
    }

    /** Revokes a key at once: its lookup goes in the same transaction. */
    public void revoke(String userId, String keyId) {
        if (!Ids.isValid(ApiKey.ID_PREFIX, keyId)) {
            throw new ApiKeyNotFoundException(keyId);
        }
        Key key = Keys.apiKey(userId, keyId);
        Attributes stored = table.get(key).map(Attributes::of).orElseThrow(() -> new ApiKeyNotFoundException(keyId));
        table.transact(List.of(table.deleteOp(key, stored.version()), table.deleteExistingOp(Keys.apiKeyHash(stored.string("hash")))),
                (index, item) -> new ApiKeyNotFoundException(keyId));
    }

    /** The key a secret belongs to, if it is one, unexpired and not revoked: one strongly consistent read. */
    public Optional<ApiKeyPrincipal> authenticate(String secret) {
        if (!ApiKeySecrets.looksLikeKey(secret)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return table.get(Keys.apiKeyHash(secrets.hash(secret))).map(Attributes::of)
                .filter(lookup -> lookup.optionalInstant("expiresAt").map(now::isBefore).orElse(true))
                .map(lookup -> new ApiKeyPrincipal(lookup.string("userId"), lookup.string("keyId"), scopes(lookup.stringList("scopes"))));
    }

    /**
     * Counts one request of the key against its monthly quota and records its last use.
     *
     * @throws ApiKeyQuotaExceededException if the key has made its quota this month
     * @throws ApiKeyRevokedException       if the key is gone (revoked after the request was authenticated)
     */
    public void recordUse(String userId, String keyId) {
        Instant now = clock.instant();
        YearMonth month = YearMonth.from(now.atOffset(ZoneOffset.UTC));
        Key key = Keys.apiKey(userId, keyId);
        // a failed start of the month: another request started it first, or the key went: look again
        retry.run(attempt -> {
            Map<String, AttributeValue> old;
            try {
                count(key, month, now);
                return;
            } catch (ConditionalCheckFailedException e) {
                old = e.hasItem() ? e.item() : Map.of();
            }
            if (old.isEmpty()) {
                throw new ApiKeyRevokedException();
            }
            Attributes stored = Attributes.of(old);
            if (stored.optionalString(USAGE_MONTH).filter(month.toString()::equals).isPresent()) {
                throw new ApiKeyQuotaExceededException(monthlyQuota, Duration.between(now,
                        month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
            }
            startMonth(key, month, now);
        }, contention -> new ApiKeyQuotaExceededException(monthlyQuota, Duration.ofSeconds(1)), ConditionalCheckFailedException.class);
    }

    private void count(Key key, YearMonth month, Instant now) {
        dynamoDb.updateItem(r -> r.tableName(table.tableName()).key(key.toAttributes())
                .updateExpression("SET #lastUsedAt = :now ADD #count :one")
                .conditionExpression("attribute_exists(#pk) AND #month = :month AND #count < :quota")
                .expressionAttributeNames(Map.of("#pk", TableSchema.PK, "#lastUsedAt", LAST_USED_AT, "#count", USAGE_COUNT,
                        "#month", USAGE_MONTH))
                .expressionAttributeValues(Map.of(":now", AttributeValue.fromS(now.toString()), ":one", AttributeValue.fromN("1"),
                        ":month", AttributeValue.fromS(month.toString()), ":quota", AttributeValue.fromN(Long.toString(monthlyQuota))))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
    }

    private void startMonth(Key key, YearMonth month, Instant now) {
        dynamoDb.updateItem(r -> r.tableName(table.tableName()).key(key.toAttributes())
                .updateExpression("SET #lastUsedAt = :now, #month = :month, #count = :one")
                .conditionExpression("attribute_exists(#pk) AND (attribute_not_exists(#month) OR #month <> :month)")
                .expressionAttributeNames(Map.of("#pk", TableSchema.PK, "#lastUsedAt", LAST_USED_AT, "#count", USAGE_COUNT,
                        "#month", USAGE_MONTH))
                .expressionAttributeValues(Map.of(":now", AttributeValue.fromS(now.toString()), ":one", AttributeValue.fromN("1"),
                        ":month", AttributeValue.fromS(month.toString()))));
    }

    static final String LAST_USED_AT = "lastUsedAt";
    static final String USAGE_MONTH = "usageMonth";
    static final String USAGE_COUNT = "usageCount";

    private static ApiKey fromItem(Map<String, AttributeValue> item) {
        Attributes a = Attributes.of(item);
        return new ApiKey(a.string("id"), a.string("userId"), a.string("name"), a.string("prefix"), scopes(a.stringList("scopes")),
                a.instant("createdAt"), a.optionalInstant("expiresAt"), a.optionalInstant(LAST_USED_AT),
                a.optionalString(USAGE_MONTH), a.optionalNumber(USAGE_COUNT).orElse(0), a.version());
    }

    private static List<String> wireNames(Set<ApiScope> scopes) {
        return scopes.stream().map(ApiScope::wireName).sorted().toList();
    }

    private static Set<ApiScope> scopes(List<String> names) {
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        names.forEach(name -> ApiScope.fromWireName(name).ifPresent(scopes::add));
        return scopes;
    }
}
