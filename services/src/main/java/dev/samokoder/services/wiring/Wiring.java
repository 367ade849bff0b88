package dev.samokoder.services.wiring;

import dev.samokoder.core.aws.AwsClients;
import dev.samokoder.core.aws.Lazy;
import dev.samokoder.core.config.ConfigException;
import dev.samokoder.core.config.SamokoderConfig;
import dev.samokoder.core.ledger.CostLedger;
import dev.samokoder.core.secrets.SecretCipher;
import dev.samokoder.core.secrets.SecretCiphers;
import dev.samokoder.core.secrets.SecretFiles;
import dev.samokoder.core.storage.SingleTable;
import dev.samokoder.core.storage.SnapStartPriming;
import dev.samokoder.core.storage.Storage;
import dev.samokoder.sandbox.RunStore;
import dev.samokoder.sandbox.SnapshotStore;
import dev.samokoder.services.auth.SigningKeys;
import dev.samokoder.services.billing.CreditLedger;
import dev.samokoder.services.billing.Funding;
import dev.samokoder.services.billing.UsageMeter;
import dev.samokoder.services.llmkeys.LlmKeyService;
import dev.samokoder.services.policy.FundingPolicy;
import dev.samokoder.services.runs.RunEvents;
import dev.samokoder.services.runs.RunFunding;
import dev.samokoder.services.runs.RunRepository;
import dev.samokoder.services.runs.artifacts.RunArtifacts;
import dev.samokoder.services.workspace.WorkspaceService;
import dev.samokoder.services.preview.PreviewAccess;
import dev.samokoder.services.preview.PreviewRepository;
import dev.samokoder.services.workspace.WorkspaceSnapshots;
import com.nimbusds.jose.jwk.ECKey;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

/**
 * The one place the platform's parts are built from a configuration, one set of AWS clients and a
 * clock: every entry point (each Lambda handler's no-argument constructor through {@link #fromEnv},
 * the local platform, the tools) takes its storage, ledgers, run records, cipher of stored secrets and keys
 * from here, so each is wired the same way everywhere. Each part is built on first use and at most
 * once; a Lambda builds one {@code Wiring} per cold start.
 */
public final class Wiring {

    /** Where local mode keeps the secret API keys are hashed with, inside the data dir. */
    public static final String API_KEY_PEPPER_FILE = "keys/api-key-pepper";
    /** Where local mode keeps the access-token signing key, inside the data dir. */
    public static final String SIGNING_KEY_FILE = "keys/jwt-signing-key.json";

    private final SamokoderConfig config;
    private final AwsClients clients;
    private final Clock clock;
    private final Lazy<Storage> storage;
    private final Lazy<SecretCipher> secretCipher;
    private final Lazy<LlmKeyService> llmKeys;
    private final Lazy<CreditLedger> credit;

    public Wiring(SamokoderConfig config, AwsClients clients, Clock clock) {
        this.config = config;
        this.clients = clients;
        this.clock = clock;
        this.storage = new Lazy<>(() -> Storage.create(clients, config, clock));
        this.secretCipher = new Lazy<>(() -> SecretCiphers.create(config, config.local().dataDir()));
        this.llmKeys = new Lazy<>(() -> new LlmKeyService(clients.dynamoDb(), table(), secretCipher.get(),
                config.llm().privateBaseUrlsAllowed(), clock, config.storage().conflictRetry()));
        this.credit = new Lazy<>(() -> new CreditLedger(table(), clock, config.storage().hotConflictRetry()));
    }

    /**
     * On AWS: the configuration from the function's environment, its clients (registered for
     * SnapStart priming, which does nothing where SnapStart is off) and the system clock.
     */
    public static Wiring fromEnv() {
        SamokoderConfig config = SamokoderConfig.fromEnv();
        AwsClients clients = new AwsClients(config.aws());
        SnapStartPriming.register(clients);
        return new Wiring(config, clients, Clock.systemUTC());
    }

    public SamokoderConfig config() {
        return config;
    }

    public AwsClients clients() {
        return clients;
    }

    public Clock clock() {
        return clock;
    }

    public Storage storage() {
        return storage.get();
    }

    public SingleTable table() {
        return storage().table();
    }

    public RunRepository runRepository() {
        return new RunRepository(table(), clock, config.storage().hotConflictRetry());
    }

    public RunEvents runEvents() {
        return new RunEvents(clients.dynamoDb(), table(), clock);
    }

    public RunArtifacts runArtifacts() {
        return new RunArtifacts(clients.dynamoDb(), table(), clock, config.artifacts());
    }

    public CostLedger costLedger() {
        return new CostLedger(clients.dynamoDb(), table(), clock, config.storage().hotConflictRetry());
    }

    public UsageMeter usageMeter() {
        return new UsageMeter(clients.dynamoDb(), table(), clock);
    }

    public CreditLedger credit() {
        return credit.get();
    }

    public Funding funding() {
        return new Funding(credit());
    }

    /** Users' and projects' own model keys, sealed by {@link #secretCipher()}. */
    public LlmKeyService llmKeys() {
        return llmKeys.get();
    }

    /** When a run needs credit: on the platform's model without a key of the user's own. */
    public RunFunding runFunding() {
        return FundingPolicy.forDefaultModel(config.llm(), llmKeys(), funding());
    }

    /** Where sandbox runs' requests and results are kept, between the agents and the runner. */
    public RunStore runStore() {
        return new RunStore(clients.s3(), config.aws().bucketName());
    }

    public SnapshotStore snapshotStore() {
        return new SnapshotStore(clients.s3(), config.aws().bucketName());
    }

    public WorkspaceSnapshots workspaceSnapshots() {
        return new WorkspaceSnapshots(storage().files(), snapshotStore(), config.storage().conflictRetry());
    }

    public PreviewRepository previews() {
        return new PreviewRepository(table(), config.storage().conflictRetry());
    }

    /** Tickets and sessions of live previews; their key is derived from the API-key pepper (a server secret). */
    public PreviewAccess previewAccess() {
        return new PreviewAccess(table(), apiKeyPepper(), config.sandbox().previews().maximum(), clock);
    }

    public WorkspaceService workspace() {
        return new WorkspaceService(storage().files(), storage().blobs(), clients.s3(), clients.s3Presigner(),
                config.aws().bucketName(), config.api().exportUrlTtl(), clock);
    }

    /**
     * What seals every stored secret (model keys, webhook and notification signing secrets): a KMS envelope on AWS
     * ({@code SAMOKODER_KMS_KEY_ID}), the data dir's master key locally. It also reads what the retired secret box
     * sealed, with {@code SAMOKODER_SECRET_BOX_KEY} (or locally the data dir's old key file) when there.
     */
    public SecretCipher secretCipher() {
        return secretCipher.get();
    }

    /** The key access tokens are signed with: {@code SAMOKODER_JWT_SIGNING_KEY}, required outside local mode. */
    public ECKey signingKey() {
        Optional<String> jwk = config.auth().signingKeyJwk();
        if (jwk.isPresent()) {
            return SigningKeys.parse(jwk.get());
        }
        if (!config.aws().local()) {
            throw new ConfigException("SAMOKODER_JWT_SIGNING_KEY is required outside local mode");
        }
        return SigningKeys.loadOrCreate(localFile(SIGNING_KEY_FILE));
    }

    /** The secret API keys are hashed with: {@code SAMOKODER_API_KEY_PEPPER} (on AWS, from Secrets Manager), or the data dir's. */
    public byte[] apiKeyPepper() {
        Optional<String> configured = config.secrets().apiKeyPepper();
        if (configured.isEmpty()) {
            if (!config.aws().local()) {
                throw new ConfigException("SAMOKODER_API_KEY_PEPPER is required outside local mode");
            }
            return SecretFiles.loadOrCreateRandom(localFile(API_KEY_PEPPER_FILE), 32);
        }
        try {
            byte[] pepper = Base64.getDecoder().decode(configured.get());
            if (pepper.length >= 32) {
                return pepper;
            }
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        throw new ConfigException("SAMOKODER_API_KEY_PEPPER must be base64 of at least 32 random bytes");
    }

    private Path localFile(String name) {
        Path dataDir = config.local().dataDir();
        if (dataDir == null) {
            throw new ConfigException("local mode without a data dir keeps no keys: set SAMOKODER_DATA_DIR or the key's variable");
        }
        return dataDir.resolve(name);
    }
}
