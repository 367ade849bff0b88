package dev.samokoder.services.llmkeys;

import dev.samokoder.core.domain.Ids;
import dev.samokoder.core.llm.ProviderKey;
import dev.samokoder.core.models.Provider;
import dev.samokoder.core.secrets.LocalMasterKeyCipher;
import dev.samokoder.core.secrets.SecretUnreadableException;
import dev.samokoder.core.storage.Keys;
import dev.samokoder.core.testing.LocalAws;
import dev.samokoder.core.testing.LocalAwsExtension;
import dev.samokoder.core.testing.TestLogs;
import dev.samokoder.core.validation.ValidationException;
import dev.samokoder.llm.provider.KeySource;
import dev.samokoder.llm.provider.StoredKeySource;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(LocalAwsExtension.class)
class LlmKeyServiceIT {

    private static final Path LOG = TestLogs.of("llm");
    private static final List<String> plaintexts = new ArrayList<>();

    private LocalAws aws;
    private LlmKeyService keys;
    private String userId;

    @BeforeEach
    void setUp(LocalAws aws, @TempDir Path dataDir) {
        this.aws = aws;
        keys = new LlmKeyService(aws.clients().dynamoDb(), aws.storage().table(), LocalMasterKeyCipher.inDataDir(dataDir), false,
                Clock.systemUTC());
        userId = Ids.newId("usr");
    }

    private static String newKey(String prefix) {
        String key = prefix + UUID.randomUUID().toString().replace("-", "");
        plaintexts.add(key);
        return key;
    }

    @AfterAll
    static void noPlaintextKeyWasLogged() throws IOException {
        String log = Files.readString(LOG);
        for (String key : plaintexts) {
            assertThat(log).as("the test log must not contain a stored key").doesNotContain(key);
        }
    }

    @Test
    void theStoredItemHoldsNoPlaintext_theListingShowsTheLast4_andOpenGivesTheKeyBack() {
        String apiKey = newKey("sk-proj-");

        StoredLlmKey stored = keys.put(LlmKeyOwner.user(userId), Provider.OPENAI, apiKey, Optional.empty());

        var item = aws.storage().table().get(Keys.llmKey(Keys.userPartition(userId), "openai")).orElseThrow();
        String raw = item.values().stream().map(AttributeValue::toString).reduce("", String::concat);
        assertThat(raw).doesNotContain(apiKey).doesNotContain(apiKey.substring(8, 24));
        assertThat(item.get("last4").s()).isEqualTo(apiKey.substring(apiKey.length() - 4));
        assertThat(stored.last4()).isEqualTo(apiKey.substring(apiKey.length() - 4));
        assertThat(keys.list(LlmKeyOwner.user(userId))).singleElement().satisfies(listed -> {
            assertThat(listed.provider()).isEqualTo(Provider.OPENAI);
            assertThat(listed.toString()).doesNotContain(apiKey);
            assertThat(listed.lastUsedAt()).isEmpty();
        });
        ProviderKey opened = keys.open(LlmKeyOwner.user(userId), Provider.OPENAI).orElseThrow();
        assertThat(opened.apiKey()).contains(apiKey);
        assertThat(opened.toString()).doesNotContain(apiKey);
        assertThat(keys.list(LlmKeyOwner.user(userId)).getFirst().lastUsedAt()).as("use is recorded").isPresent();
    }

    @Test
    void aCiphertextMovedToAnotherOwnersItemDoesNotOpen() {
        String victim = Ids.newId("usr");
        keys.put(LlmKeyOwner.user(victim), Provider.ANTHROPIC, newKey("sk-ant-"), Optional.empty());
        keys.put(LlmKeyOwner.user(userId), Provider.ANTHROPIC, newKey("sk-ant-"), Optional.empty());
        var table = aws.storage().table();
        var victimItem = table.get(Keys.llmKey(Keys.userPartition(victim), "anthropic")).orElseThrow();
        var mine = new HashMap<>(table.get(Keys.llmKey(Keys.userPartition(userId), "anthropic")).orElseThrow());
        for (String part : List.of("nonce", "ciphertext")) {
            mine.put(part, victimItem.get(part));
        }
        aws.clients().dynamoDb().putItem(r -> r.tableName(table.tableName()).item(mine));

        assertThatThrownBy(() -> keys.open(LlmKeyOwner.user(userId), Provider.ANTHROPIC)).isInstanceOf(SecretUnreadableException.class);
    }

    @Test
    void putReplaces_deleteRemoves_andAMissingKeyIsNamed() {
        LlmKeyOwner owner = LlmKeyOwner.user(userId);
        keys.put(owner, Provider.OPENAI, newKey("sk-a-"), Optional.empty());
        String second = newKey("sk-b-");

        StoredLlmKey replaced = keys.put(owner, Provider.OPENAI, second, Optional.empty());

        assertThat(replaced.version()).isEqualTo(2);
        assertThat(keys.open(owner, Provider.OPENAI).orElseThrow().apiKey()).contains(second);
        keys.delete(owner, Provider.OPENAI);
        assertThat(keys.open(owner, Provider.OPENAI)).isEmpty();
        assertThatThrownBy(() -> keys.delete(owner, Provider.OPENAI)).isInstanceOf(LlmKeyNotFoundException.class);
    }

    @Test
    void baseUrlsAreRequiredWhereNeeded_andInternalOnesRefused() {
        LlmKeyOwner owner = LlmKeyOwner.user(userId);
        String key = newKey("gsk-");

        assertThatThrownBy(() -> keys.put(owner, Provider.OPENAI_COMPATIBLE, key, Optional.empty()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().getFirst().field()).isEqualTo("baseUrl"));
        assertThatThrownBy(() -> keys.put(owner, Provider.OPENAI, key, Optional.of(URI.create("https://api.groq.com/openai/v1"))))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> keys.put(owner, Provider.BEDROCK, key, Optional.empty())).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> keys.put(owner, Provider.OPENAI, "short", Optional.empty())).isInstanceOf(ValidationException.class);
        for (String internal : List.of("http://127.0.0.1:11434/v1", "http://localhost:8080/v1", "http://169.254.169.254/latest",
                "http://10.0.0.5/v1", "http://[::1]:8000/v1", "http://[fd00::1]/v1", "http://2130706433/v1", "http://metadata.google.internal/",
                "http://192.168.1.10/v1", "http://[::ffff:127.0.0.1]/v1", "file:///etc/passwd", "https://user:pw@api.groq.com/v1")) {
            assertThatThrownBy(() -> keys.put(owner, Provider.OPENAI_COMPATIBLE, key, Optional.of(URI.create(internal))))
                    .as(internal).isInstanceOf(ValidationException.class);
        }
        keys.put(owner, Provider.OPENAI_COMPATIBLE, key, Optional.of(URI.create("https://api.groq.com/openai/v1")));

        LlmKeyService permissive = new LlmKeyService(aws.clients().dynamoDb(), aws.storage().table(),
                LocalMasterKeyCipher.inDataDir(Path.of("target", "llm-key-permissive")), true, Clock.systemUTC());
        permissive.put(owner, Provider.OPENAI_COMPATIBLE, key, Optional.of(URI.create("http://127.0.0.1:11434/v1")));
        assertThat(permissive.open(owner, Provider.OPENAI_COMPATIBLE).orElseThrow().baseUrl()).contains(URI.create("http://127.0.0.1:11434/v1"));
    }

    /** The order a call looks for a key: the project's override, the user's own key, the configuration's. */
    @Test
    void resolution_projectOverride_thenUserKey_thenTheConfiguredFallback() {
        String projectId = Ids.newId("prj");
        String configured = newKey("sk-env-");
        KeySource fallback = (user, provider) -> provider == Provider.OPENAI || provider == Provider.ANTHROPIC
                ? Optional.of(ProviderKey.apiKey(configured)) : Optional.empty();
        StoredKeySource source = new StoredKeySource(keys, fallback);

        // nothing stored: the configuration's key
        assertThat(source.keyFor(userId, projectId, Provider.OPENAI).flatMap(ProviderKey::apiKey)).contains(configured);
        // the user's own key wins over the configuration's
        String own = newKey("sk-own-");
        keys.put(LlmKeyOwner.user(userId), Provider.OPENAI, own, Optional.empty());
        assertThat(source.keyFor(userId, projectId, Provider.OPENAI).flatMap(ProviderKey::apiKey)).contains(own);
        // the project's override wins over both, for that project only
        String override = newKey("sk-prj-");
        keys.put(LlmKeyOwner.project(projectId), Provider.OPENAI, override, Optional.empty());
        assertThat(source.keyFor(userId, projectId, Provider.OPENAI).flatMap(ProviderKey::apiKey)).contains(override);
        assertThat(source.keyFor(userId, Ids.newId("prj"), Provider.OPENAI).flatMap(ProviderKey::apiKey)).contains(own);
        assertThat(source.keyFor(userId, Provider.OPENAI).flatMap(ProviderKey::apiKey)).contains(own);
        // another provider falls through to the configuration; with none there, no key (the gateway then tries the platform)
        assertThat(source.keyFor(userId, projectId, Provider.ANTHROPIC).flatMap(ProviderKey::apiKey)).contains(configured);
        assertThat(source.keyFor(userId, projectId, Provider.OPENAI_COMPATIBLE)).isEmpty();
    }
}
