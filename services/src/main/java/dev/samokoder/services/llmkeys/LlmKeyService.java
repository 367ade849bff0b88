package dev.samokoder.services.llmkeys;

import dev.samokoder.core.config.RetryPolicy;
import dev.samokoder.core.llm.ProviderKey;
import dev.samokoder.core.models.Provider;
import dev.samokoder.core.secrets.Sealed;
import dev.samokoder.core.secrets.SealedAttributes;
import dev.samokoder.core.secrets.SecretCipher;
import dev.samokoder.core.storage.Attributes;
import dev.samokoder.core.storage.ItemAlreadyExistsException;
import dev.samokoder.core.storage.ItemNotFoundException;
import dev.samokoder.core.storage.Key;
import dev.samokoder.core.storage.Keys;
import dev.samokoder.core.storage.OptimisticRetry;
import dev.samokoder.core.storage.OptimisticRetry.Contention;
import dev.samokoder.core.storage.SingleTable;
import dev.samokoder.core.storage.TableSchema;
import dev.samokoder.core.storage.VersionConflictException;
import dev.samokoder.core.validation.ValidationException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Users' own provider keys (BYOK), and projects' overrides, encrypted at rest by a
 * {@link SecretCipher} (KMS envelope encryption on AWS, the data dir's master key locally). The
 * item holds the ciphertext and the last 4 characters; the key is decrypted only by
 * {@link #open}, for the step about to call the model, and never written anywhere in clear.
 */
public final class LlmKeyService implements OwnKeys {

    static final String TYPE = "LlmKey";
    /** The providers a user can bring a key for (Bedrock is the platform's own; replay needs none). */
    public static final Set<Provider> STORABLE = Set.of(Provider.OPENAI, Provider.ANTHROPIC, Provider.OPENAI_COMPATIBLE);
    public static final int MIN_KEY_LENGTH = 8;
    public static final int MAX_KEY_LENGTH = 512;
    public static final int MAX_BASE_URL_LENGTH = 2048;

    private static final Logger log = LoggerFactory.getLogger(LlmKeyService.class);

    private final DynamoDbClient dynamoDb;
    private final SingleTable table;
    private final SecretCipher cipher;
    private final boolean privateBaseUrlsAllowed;
    private final Clock clock;
    private final OptimisticRetry retry;

    public LlmKeyService(DynamoDbClient dynamoDb, SingleTable table, SecretCipher cipher, boolean privateBaseUrlsAllowed, Clock clock) {
        this(dynamoDb, table, cipher, privateBaseUrlsAllowed, clock, RetryPolicy.defaults());
    }

    /** @param conflictRetry how a store that lost the race to another writer of the same key tries again */
    public LlmKeyService(DynamoDbClient dynamoDb, SingleTable table, SecretCipher cipher, boolean privateBaseUrlsAllowed, Clock clock,
                         RetryPolicy conflictRetry) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.cipher = cipher;
        this.privateBaseUrlsAllowed = privateBaseUrlsAllowed;
        this.clock = clock;
        this.retry = new OptimisticRetry(conflictRetry);
    }

    /**
     * Stores (or replaces) the owner's key for a provider.
     *
     * @throws ValidationException for a provider one cannot store a key for, a malformed key, or a base URL that is
     *                             missing, not allowed for the provider, or internal
     */
    public StoredLlmKey put(LlmKeyOwner owner, Provider provider, String apiKey, Optional<URI> baseUrl) {
        validate(provider, apiKey, baseUrl);
        Key key = Keys.llmKey(owner.partition(), provider.wireName());
        // writers at once on one key past the retries: the last conflict goes to the client, which may retry
        return retry.get(attempt -> {
            Instant now = clock.instant();
            Optional<Attributes> stored = table.get(key).map(Attributes::of);
            Sealed sealed = cipher.seal(apiKey.getBytes(StandardCharsets.UTF_8), context(owner, provider));
            long version = stored.map(Attributes::version).orElse(0L) + 1;
            StoredLlmKey view = new StoredLlmKey(provider, last4(apiKey), baseUrl,
                    stored.map(a -> a.instant("createdAt")).orElse(now), now, Optional.empty(), version);
            var item = toItem(key, view, sealed);
            if (stored.isEmpty()) {
                table.create(key, item);
            } else {
                table.replace(key, item, stored.get().version());
            }
            return view;
        }, Contention::rethrow, ItemAlreadyExistsException.class, VersionConflictException.class, ItemNotFoundException.class);
    }

    @Override
    public boolean has(LlmKeyOwner owner, Provider provider) {
        return list(owner).stream().anyMatch(key -> key.provider() == provider);
    }

    /** The owner's stored keys, by provider. */
    public List<StoredLlmKey> list(LlmKeyOwner owner) {
        return table.queryAll(owner.partition(), Keys.LLM_KEY_PREFIX).stream()
                .map(item -> view(Attributes.of(item)))
                .sorted(Comparator.comparing(stored -> stored.provider().wireName()))
                .toList();
    }

    /** @throws LlmKeyNotFoundException if none is stored */
    public void delete(LlmKeyOwner owner, Provider provider) {
        Key key = Keys.llmKey(owner.partition(), provider.wireName());
        Attributes stored = table.get(key).map(Attributes::of).orElseThrow(() -> new LlmKeyNotFoundException(provider));
        try {
            table.delete(key, stored.version());
        } catch (ItemNotFoundException gone) {
            throw new LlmKeyNotFoundException(provider);
        }
    }

    /**
     * The owner's key for the provider, decrypted, for a call about to be made; records its use.
     * The caller keeps it only as long as the call needs it.
     */
    public Optional<ProviderKey> open(LlmKeyOwner owner, Provider provider) {
        if (!STORABLE.contains(provider)) {
            return Optional.empty();
        }
        Key key = Keys.llmKey(owner.partition(), provider.wireName());
        Optional<Attributes> stored = table.get(key).map(Attributes::of);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        Attributes a = stored.get();
        byte[] plaintext = cipher.open(SealedAttributes.read(a), context(owner, provider));
        String apiKey = new String(plaintext, StandardCharsets.UTF_8);
        Arrays.fill(plaintext, (byte) 0);
        touch(key);
        return Optional.of(new ProviderKey(Optional.of(apiKey), a.optionalString("baseUrl").map(URI::create)));
    }

    /** Last use is a hint for the user, not a record: a failed write is logged, never fails the call. */
    private void touch(Key key) {
        try {
            dynamoDb.updateItem(r -> r.tableName(table.tableName()).key(key.toAttributes())
                    .updateExpression("SET #lastUsedAt = :now")
                    .conditionExpression("attribute_exists(#pk)")
                    .expressionAttributeNames(Map.of("#lastUsedAt", "lastUsedAt", "#pk", TableSchema.PK))
                    .expressionAttributeValues(Map.of(":now", AttributeValue.fromS(clock.instant().toString()))));
        } catch (ConditionalCheckFailedException deletedMeanwhile) {
            // the key was deleted after it was read; this call still uses it
        } catch (SdkException e) {
            log.warn("could not record the last use of {}: {}", key, e.getMessage());
        }
    }

    private void validate(Provider provider, String apiKey, Optional<URI> baseUrl) {
        if (!STORABLE.contains(provider)) {
            throw ValidationException.of("provider", "must be one of openai, anthropic, openai-compatible");
        }
        if (apiKey == null || apiKey.length() < MIN_KEY_LENGTH || apiKey.length() > MAX_KEY_LENGTH
                || apiKey.chars().anyMatch(c -> c <= ' ' || c >= 0x7f)) {
            throw ValidationException.of("apiKey", "must be " + MIN_KEY_LENGTH + " to " + MAX_KEY_LENGTH
                    + " printable ASCII characters without spaces");
        }
        if (provider == Provider.OPENAI_COMPATIBLE && baseUrl.isEmpty()) {
            throw ValidationException.of("baseUrl", "is required for openai-compatible (e.g. https://api.groq.com/openai/v1)");
        }
        if (provider != Provider.OPENAI_COMPATIBLE && baseUrl.isPresent()) {
            throw ValidationException.of("baseUrl", "is only for openai-compatible; " + provider + " has its own");
        }
        baseUrl.flatMap(url -> BaseUrls.problem(url, privateBaseUrlsAllowed))
                .ifPresent(problem -> {
                    throw ValidationException.of("baseUrl", problem);
                });
    }

    private static Map<String, String> context(LlmKeyOwner owner, Provider provider) {
        return Map.of("purpose", "llm-key", "owner", owner.partition(), "provider", provider.wireName());
    }

    private static String last4(String apiKey) {
        return apiKey.substring(apiKey.length() - 4);
    }

    private static Map<String, AttributeValue> toItem(Key key, StoredLlmKey view, Sealed sealed) {
        var item = Attributes.item(key, TYPE, view.version())
                .string("provider", view.provider().wireName())
                .string("last4", view.last4())
                .optionalString("baseUrl", view.baseUrl().map(URI::toString));
        return SealedAttributes.put(item, sealed)
                .instant("createdAt", view.createdAt())
                .instant("updatedAt", view.updatedAt())
                .build();
    }

    private static StoredLlmKey view(Attributes a) {
        return new StoredLlmKey(Provider.fromWireName(a.string("provider")).orElseThrow(), a.string("last4"),
                a.optionalString("baseUrl").map(URI::create), a.instant("createdAt"), a.instant("updatedAt"),
                a.optionalInstant("lastUsedAt"), a.version());
    }
}
