package dev.samokoder.core.config;

import dev.samokoder.core.models.ModelRef;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Typed configuration, read once from environment variables (see {@link Setting} for every
 * variable and its default). The defaults are those of local mode.
 *
 * @param aws where the AWS services are and what they are called
 * @param limits size limits the storage layer enforces
 * @param auth tokens, password hashing and login lockout
 * @param api request limits, rate limits and CORS of the HTTP API
 * @param local settings only the local platform (infra-local) reads
 * @param llm models, prices, budgets, limits and keys of the LLM gateway
 * @param workflow the bounds of every loop of a generation run
 * @param hooks webhook triggers (in) and run notifications (out)
 * @param sandbox limits of generated code's runs, and how the local platform isolates them
 * @param apiKeys limits of the API keys programs use
 * @param secrets how secrets at rest are protected (KMS, the API-key hashing secret)
 * @param billing prices of platform-paid resources, credit limits and who the administrators are
 * @param storage how a storage write that loses an optimistic race tries again
 */
public record SamokoderConfig(Aws aws, Limits limits, Auth auth, Api api, Local local, Llm llm, Sandbox sandbox,
                              WorkflowLimits workflow, AgentLimits artifacts, Hooks hooks, ApiKeys apiKeys, Secrets secrets,
                              Billing billing, Storage storage) {

    /** Credentials the local components accept (DynamoDB Local wants letters and digits only); they guard nothing, everything is on loopback. */
    public static final String LOCAL_ACCESS_KEY_ID = "samokoderlocal";
    public static final String LOCAL_SECRET_ACCESS_KEY = "samokoderlocalsecret";

    public record Aws(String region, String tableName, String bucketName, String webhookQueueName,
                      String webhookDeadLetterQueueName, String notificationQueueName,
                      String notificationDeadLetterQueueName, Optional<URI> dynamoDbEndpoint,
                      Optional<URI> s3Endpoint, Optional<URI> sqsEndpoint, Optional<String> stateMachineArn) {

        /** True when any service is an emulator on an overridden endpoint rather than AWS itself. */
        public boolean local() {
            return dynamoDbEndpoint.isPresent() || s3Endpoint.isPresent() || sqsEndpoint.isPresent();
        }

        public Aws withEndpoints(URI dynamoDb, URI s3, URI sqs) {
            return new Aws(region, tableName, bucketName, webhookQueueName, webhookDeadLetterQueueName,
                    notificationQueueName, notificationDeadLetterQueueName,
                    Optional.of(dynamoDb), Optional.of(s3), Optional.of(sqs), stateMachineArn);
        }

        public Aws withStateMachineArn(String arn) {
            return new Aws(region, tableName, bucketName, webhookQueueName, webhookDeadLetterQueueName,
                    notificationQueueName, notificationDeadLetterQueueName, dynamoDbEndpoint, s3Endpoint, sqsEndpoint,
                    Optional.of(arn));
        }
    }

    public record Limits(long maxBlobBytes) {
    }

    /**
     * The retries of read-modify-writes (read an item with its version, compute, write on condition
     * it is unchanged) that lose the race to another writer; one backoff for both.
     *
     * @param conflictRetry    on an item few write at once: a rate bucket, a login counter, a session, an API key's
     *                         month, a stored model key, a file entry, a task step
     * @param hotConflictRetry on an item many write at once: the cost and credit ledgers' counters, a run's record
     */
    public record Storage(RetryPolicy conflictRetry, RetryPolicy hotConflictRetry) {

        public static Storage defaults() {
            return new Storage(RetryPolicy.defaults(), RetryPolicy.hotItemDefaults());
        }
    }

    /**
     * @param webhookQueueUrl      the webhook queue's URL when CDK set it; empty: looked up by name
     * @param notificationQueueUrl the notification queue's URL when CDK set it; empty: looked up by name
     * @param signatureTolerance   how old (or new) a signed timestamp may be
     * @param retryBase            the first retry delay of a failed queue message (doubled per retry)
     * @param notificationAllowedHosts hosts notifications may reach despite the address checks (tests)
     */
    public record Hooks(Optional<String> webhookQueueUrl, Optional<String> notificationQueueUrl,
                        Duration signatureTolerance, int maxPerProject,
                        Duration retryBase, Duration notificationTimeout, List<String> notificationAllowedHosts) {

        public Hooks {
            notificationAllowedHosts = List.copyOf(notificationAllowedHosts);
        }

        public Hooks withRetryBase(Duration newRetryBase) {
            return new Hooks(webhookQueueUrl, notificationQueueUrl, signatureTolerance, maxPerProject,
                    newRetryBase, notificationTimeout, notificationAllowedHosts);
        }

        public Hooks withNotificationAllowedHosts(List<String> hosts) {
            return new Hooks(webhookQueueUrl, notificationQueueUrl, signatureTolerance, maxPerProject,
                    retryBase, notificationTimeout, hosts);
        }
    }

    /**
     * @param signingKeyJwk the access-token signing key (private EC P-256 JWK); empty in local mode,
     *                      where a key is generated into the data dir
     */
    public record Auth(String issuer, String audience, Optional<String> signingKeyJwk, Duration accessTokenTtl,
                       Duration refreshTokenTtl, int argon2MemoryKiB, int argon2Iterations, int argon2Parallelism,
                       int loginMaxFailures, Duration loginWindow) {

        public Auth withSigningKeyJwk(String jwk) {
            return new Auth(issuer, audience, Optional.of(jwk), accessTokenTtl, refreshTokenTtl, argon2MemoryKiB, argon2Iterations,
                    argon2Parallelism, loginMaxFailures, loginWindow);
        }

        @Override
        public String toString() { // keeps the key out of logs
            return "Auth[issuer=" + issuer + ", audience=" + audience + ", signingKey=" + (signingKeyJwk.isPresent() ? "(set)" : "(local)") + "]";
        }
    }

    public record Api(int maxJsonBodyBytes, int rateLimitPerMinute, int rateLimitBurst, List<String> corsOrigins,
                      Duration exportUrlTtl, Imports imports) {

        /**
         * What an imported project may be: the archive sent in the request, one uploaded first, its files, and all of it
         * unpacked (one file: {@code SAMOKODER_MAX_BLOB_BYTES}).
         */
        public record Imports(int maxZipBytes, long maxUploadBytes, int maxFiles, long maxTotalBytes) {
        }
    }

    public record Local(Path dataDir, String host, int port, int dynamoDbPort, int s3Port, int sqsPort, int sfnPort, Path staticDir) {
    }

    /**
     * @param agentModels     per-agent choices over {@code defaultModel}
     * @param priceTable      a file laid over the built-in price table
     * @param maxOutputTokens output allowance of a call that does not set one
     * @param bedrockRegion   the region of Bedrock calls
     * @param platformModel   the platform-paid model a call falls back to when no key is found (and the user's plan allows it)
     * @param privateBaseUrlsAllowed whether a stored openai-compatible key may point at a private or loopback address
     */
    public record Llm(ModelRef defaultModel, Map<String, ModelRef> agentModels, Optional<Path> priceTable,
                      int maxOutputTokens, BigDecimal userMonthlyBudgetUsd, Duration timeout, Duration rateLimitMaxWait,
                      Optional<Path> replayTranscript, Optional<String> openAiApiKey, Optional<String> anthropicApiKey,
                      Optional<URI> openAiCompatibleBaseUrl, Optional<String> openAiCompatibleApiKey, String bedrockRegion,
                      Duration replayLatency, Optional<ModelRef> platformModel, boolean privateBaseUrlsAllowed,
                      Map<String, Integer> agentMaxOutputTokens, Optional<Path> recordTranscript) {

        public Llm {
            agentModels = Map.copyOf(agentModels);
            agentMaxOutputTokens = Map.copyOf(agentMaxOutputTokens);
        }

        @Override
        public String toString() { // keeps the keys out of logs
            return "Llm[defaultModel=" + defaultModel + ", agentModels=" + agentModels + ", maxOutputTokens=" + maxOutputTokens
                    + ", userMonthlyBudgetUsd=" + userMonthlyBudgetUsd.toPlainString() + ", openAiKey=" + (openAiApiKey.isPresent() ? "(set)" : "(none)")
                    + ", anthropicKey=" + (anthropicApiKey.isPresent() ? "(set)" : "(none)")
                    + ", openAiCompatibleBaseUrl=" + openAiCompatibleBaseUrl.map(URI::toString).orElse("(none)") + "]";
        }
    }

    /**
     * @param ratePerMinute requests per minute of one key
     * @param burst         requests one key may make at once
     * @param monthlyQuota  requests one key may make per calendar month (UTC)
     * @param maxPerUser    keys one user may hold at once
     */
    public record ApiKeys(int ratePerMinute, int burst, long monthlyQuota, int maxPerUser) {
    }

    /**
     * @param kmsKeyId     the KMS key that wraps data keys; empty in local mode (a master key file in the data dir)
     * @param kmsEndpoint  an endpoint override for KMS
     * @param apiKeyPepper the base64 secret API keys are hashed with; empty in local mode (generated into the data dir)
     * @param legacySecretBoxKey the retired secret box's base64 key, only to read webhook and notification secrets
     *                           it sealed (each is sealed again by the cipher when read); empty: none configured
     */
    public record Secrets(Optional<String> kmsKeyId, Optional<URI> kmsEndpoint, Optional<String> apiKeyPepper,
                          Optional<String> legacySecretBoxKey) {

        public Secrets withLegacySecretBoxKey(String base64Key) {
            return new Secrets(kmsKeyId, kmsEndpoint, apiKeyPepper, Optional.of(base64Key));
        }

        @Override
        public String toString() { // keeps the pepper and the old key out of logs
            return "Secrets[kmsKeyId=" + kmsKeyId.orElse("(local)") + ", apiKeyPepper=" + (apiKeyPepper.isPresent() ? "(set)" : "(local)")
                    + ", legacySecretBoxKey=" + (legacySecretBoxKey.isPresent() ? "(set)" : "(none)") + "]";
        }
    }

    /**
     * @param markup       factor on the price table's cost of a platform-paid call
     * @param maxTopUpUsd  the largest single top-up
     * @param adminEmails  normalized emails of the administrators
     */
    public record Billing(BigDecimal markup, BigDecimal maxTopUpUsd, List<String> adminEmails) {

        public Billing {
            adminEmails = List.copyOf(adminEmails);
        }
    }

    /**
     * @param isolation how the local platform runs generated code ({@code bubblewrap} or {@code none})
     * @param dir where local sandbox workspaces are made; empty: a folder in the system temp folder
     * @param uid the unprivileged uid (and gid) sandboxed commands run as when the platform is root
     * @param cgroup a delegated cgroup v2 folder to make sandbox cgroups in; empty: detected
     * @param maxTimeLimit the longest time limit a run may ask for (and the reaper's default)
     * @param reaperGrace how long past its limit a task may run before the reaper stops it
     * @param reaperInterval how often the local reaper runs
     * @param cluster the ECS cluster of the Fargate sandbox tasks
     * @param workspace the Fargate runner's workspace folder
     * @param packageCache the bounds of the Fargate runner's package-cache archives in S3
     */
    public record Sandbox(Isolation isolation, Optional<Path> dir, int uid, Optional<Path> cgroup, int memoryMb,
                          int cpuMillicores, int maxProcesses, int outputTailBytes, long outputLimitBytes,
                          Duration maxTimeLimit, Duration reaperGrace, Duration reaperInterval, String cluster,
                          Path workspace, Optional<PackageRegistry> registry, List<String> registries, Mirrors mirrors,
                          PackageCacheLimits packageCache, Previews previews) {

        public Sandbox {
            if (previews.maximum().compareTo(maxTimeLimit) > 0) {
                throw new IllegalArgumentException("SAMOKODER_PREVIEW_MAX_MINUTES (" + previews.maximum().toMinutes()
                        + ") is over the longest sandbox run, SAMOKODER_SANDBOX_MAX_TIME_SECONDS (" + maxTimeLimit.toSeconds() + " s)");
            }
            registries = registries.stream().map(pair -> pair.toLowerCase(java.util.Locale.ROOT)).toList();
            for (String pair : registries) {
                if (!pair.matches("[a-z0-9.-]{1,253}:[0-9]{1,5}")) {
                    throw new IllegalArgumentException("SAMOKODER_SANDBOX_REGISTRIES: '" + pair + "' is not a host:port pair");
                }
            }
            for (URI mirror : mirrors.all()) {
                int port = mirror.getPort() > 0 ? mirror.getPort() : mirror.getScheme().equals("https") ? 443 : 80;
                String pair = mirror.getHost().toLowerCase(java.util.Locale.ROOT) + ":" + port;
                if (!registries.contains(pair)) {
                    throw new IllegalArgumentException("the package mirror " + mirror + " is at " + pair
                            + ", which is not in SAMOKODER_SANDBOX_REGISTRIES: installs could not reach it");
                }
            }
        }

        /**
         * Where a sandbox's package managers install from, when not the public registries: a PyPI-compatible
         * index (PIP_INDEX_URL) and an npm registry, typically a mirror on the operator's network.
         */
        public record Mirrors(Optional<URI> pipIndex, Optional<URI> npmRegistry) {

            public static final Mirrors NONE = new Mirrors(Optional.empty(), Optional.empty());

            public Mirrors {
                for (URI mirror : Stream.concat(pipIndex.stream(), npmRegistry.stream()).toList()) {
                    if (!(("http".equals(mirror.getScheme()) || "https".equals(mirror.getScheme())) && mirror.getHost() != null
                            && mirror.getUserInfo() == null)) {
                        throw new IllegalArgumentException("a package mirror is an http(s) URL with a host and no credentials: " + mirror);
                    }
                }
            }

            List<URI> all() {
                return Stream.concat(pipIndex.stream(), npmRegistry.stream()).toList();
            }
        }

        public enum Isolation {
            BUBBLEWRAP,
            /** No isolation at all: generated code runs as the platform's user. For trusted code only. */
            NONE
        }

        public Sandbox withMemoryMb(int newMemoryMb) {
            return new Sandbox(isolation, dir, uid, cgroup, newMemoryMb, cpuMillicores, maxProcesses, outputTailBytes,
                    outputLimitBytes, maxTimeLimit, reaperGrace, reaperInterval, cluster, workspace, registry, registries, mirrors,
                    packageCache, previews);
        }

        public Sandbox withRegistries(List<String> newRegistries) {
            return new Sandbox(isolation, dir, uid, cgroup, memoryMb, cpuMillicores, maxProcesses, outputTailBytes,
                    outputLimitBytes, maxTimeLimit, reaperGrace, reaperInterval, cluster, workspace, registry, newRegistries, mirrors,
                    packageCache, previews);
        }

        /** The same settings with installs pointed at {@code newMirrors} (whose host:port pairs are then allowed too). */
        public Sandbox withMirrors(Mirrors newMirrors) {
            List<String> allowed = new java.util.ArrayList<>(registries);
            for (URI mirror : newMirrors.all()) {
                String pair = mirror.getHost().toLowerCase(java.util.Locale.ROOT) + ":"
                        + (mirror.getPort() > 0 ? mirror.getPort() : mirror.getScheme().equals("https") ? 443 : 80);
                if (!allowed.contains(pair)) {
                    allowed.add(pair);
                }
            }
            return new Sandbox(isolation, dir, uid, cgroup, memoryMb, cpuMillicores, maxProcesses, outputTailBytes,
                    outputLimitBytes, maxTimeLimit, reaperGrace, reaperInterval, cluster, workspace, registry, allowed, newMirrors,
                    packageCache, previews);
        }

        public Sandbox withPreviews(Previews newPreviews) {
            return new Sandbox(isolation, dir, uid, cgroup, memoryMb, cpuMillicores, maxProcesses, outputTailBytes,
                    outputLimitBytes, maxTimeLimit, reaperGrace, reaperInterval, cluster, workspace, registry, registries, mirrors,
                    packageCache, newPreviews);
        }

        /**
         * How long a live preview runs: it stops after {@code idle} without a request, and at {@code maximum} in any case
         * (its sandbox run's time limit).
         */
        public record Previews(Duration idle, Duration maximum) {
        }

        /**
         * The CodeArtifact repository the Fargate runner points npm and pip at, for commands
         * allowed to reach the package registries (its upstreams are the public npm and PyPI).
         */
        public record PackageRegistry(String domain, String domainOwner, String repository) {
        }

        /**
         * What a package-cache archive may be (it is made by the installs of generated code): its size in S3, what
         * it unpacks to, and its files and folders. A cache over a bound is not saved; an archive over one is not
         * restored.
         */
        public record PackageCacheLimits(long maxArchiveBytes, long maxUnpackedBytes, int maxEntries) {
        }
    }

    public static SamokoderConfig fromEnv() {
        return fromEnv(System.getenv());
    }

    public static SamokoderConfig fromEnv(Map<String, String> env) {
        Settings settings = new Settings(env);
        Aws aws = new Aws(
                settings.string(Setting.AWS_REGION),
                settings.name(Setting.TABLE_NAME),
                settings.name(Setting.BUCKET_NAME),
                settings.name(Setting.WEBHOOK_QUEUE),
                settings.name(Setting.WEBHOOK_DLQ),
                settings.name(Setting.NOTIFICATION_QUEUE),
                settings.name(Setting.NOTIFICATION_DLQ),
                settings.endpoint(Setting.DYNAMODB_ENDPOINT),
                settings.endpoint(Setting.S3_ENDPOINT),
                settings.endpoint(Setting.SQS_ENDPOINT),
                Optional.of(settings.string(Setting.STATE_MACHINE_ARN)).filter(arn -> !arn.isBlank()));
        Limits limits = new Limits(settings.positiveLong(Setting.MAX_BLOB_BYTES));
        String signingKey = settings.string(Setting.JWT_SIGNING_KEY);
        Auth auth = new Auth(
                settings.string(Setting.JWT_ISSUER),
                settings.string(Setting.JWT_AUDIENCE),
                signingKey.isEmpty() ? Optional.empty() : Optional.of(signingKey),
                Duration.ofMinutes(settings.positiveInt(Setting.ACCESS_TOKEN_MINUTES)),
                Duration.ofDays(settings.positiveInt(Setting.REFRESH_TOKEN_DAYS)),
                settings.positiveInt(Setting.ARGON2_MEMORY_KIB),
                settings.positiveInt(Setting.ARGON2_ITERATIONS),
                settings.positiveInt(Setting.ARGON2_PARALLELISM),
                settings.positiveInt(Setting.LOGIN_MAX_FAILURES),
                Duration.ofMinutes(settings.positiveInt(Setting.LOGIN_WINDOW_MINUTES)));
        Api api = new Api(
                settings.positiveInt(Setting.MAX_JSON_BODY_BYTES),
                settings.positiveInt(Setting.RATE_LIMIT_PER_MINUTE),
                settings.positiveInt(Setting.RATE_LIMIT_BURST),
                settings.list(Setting.CORS_ORIGINS),
                Duration.ofMinutes(settings.positiveInt(Setting.EXPORT_URL_MINUTES)),
                new Api.Imports(settings.positiveInt(Setting.IMPORT_MAX_ZIP_BYTES), settings.positiveLong(Setting.IMPORT_MAX_UPLOAD_BYTES),
                        settings.positiveInt(Setting.IMPORT_MAX_FILES),
                        settings.positiveLong(Setting.IMPORT_MAX_TOTAL_BYTES)));
        Local local = new Local(
                Path.of(settings.string(Setting.DATA_DIR)),
                settings.string(Setting.HOST),
                settings.port(Setting.PORT),
                settings.port(Setting.DYNAMODB_PORT),
                settings.port(Setting.S3_PORT),
                settings.port(Setting.SQS_PORT),
                settings.port(Setting.SFN_PORT),
                Path.of(settings.string(Setting.STATIC_DIR)));
        Llm llm = new Llm(
                settings.model(Setting.LLM_MODEL),
                settings.agentModels(Setting.LLM_AGENT_MODELS),
                settings.optionalPath(Setting.LLM_PRICE_TABLE),
                settings.positiveInt(Setting.LLM_MAX_OUTPUT_TOKENS),
                settings.nonNegativeDecimal(Setting.LLM_USER_MONTHLY_BUDGET_USD),
                Duration.ofSeconds(settings.positiveInt(Setting.LLM_TIMEOUT_SECONDS)),
                Duration.ofSeconds(settings.positiveInt(Setting.LLM_RATE_LIMIT_MAX_WAIT_SECONDS)),
                settings.optionalPath(Setting.LLM_REPLAY_TRANSCRIPT),
                settings.optional(Setting.OPENAI_API_KEY),
                settings.optional(Setting.ANTHROPIC_API_KEY),
                settings.endpoint(Setting.LLM_OPENAI_COMPATIBLE_BASE_URL),
                settings.optional(Setting.LLM_OPENAI_COMPATIBLE_API_KEY),
                settings.optional(Setting.LLM_BEDROCK_REGION).orElse(aws.region()),
                Duration.ofMillis(settings.nonNegativeInt(Setting.LLM_REPLAY_LATENCY_MS)),
                settings.optional(Setting.LLM_PLATFORM_MODEL).map(value -> settings.model(Setting.LLM_PLATFORM_MODEL)),
                settings.bool(Setting.LLM_KEY_PRIVATE_BASE_URLS),
                settings.agentTokens(Setting.LLM_AGENT_MAX_OUTPUT_TOKENS),
                settings.optionalPath(Setting.LLM_RECORD));
        Sandbox sandbox = new Sandbox(
                isolation(settings.string(Setting.SANDBOX)),
                optionalPath(settings.string(Setting.SANDBOX_DIR)),
                settings.positiveInt(Setting.SANDBOX_UID),
                optionalPath(settings.string(Setting.SANDBOX_CGROUP)),
                settings.positiveInt(Setting.SANDBOX_MEMORY_MB),
                settings.positiveInt(Setting.SANDBOX_CPU_MILLICORES),
                settings.positiveInt(Setting.SANDBOX_MAX_PROCESSES),
                settings.positiveInt(Setting.SANDBOX_OUTPUT_TAIL_BYTES),
                settings.positiveLong(Setting.SANDBOX_OUTPUT_LIMIT_BYTES),
                Duration.ofSeconds(settings.positiveInt(Setting.SANDBOX_MAX_TIME_SECONDS)),
                Duration.ofSeconds(settings.positiveInt(Setting.SANDBOX_REAPER_GRACE_SECONDS)),
                Duration.ofSeconds(settings.positiveInt(Setting.SANDBOX_REAPER_INTERVAL_SECONDS)),
                settings.name(Setting.SANDBOX_CLUSTER),
                Path.of(settings.string(Setting.SANDBOX_WORKSPACE)),
                packageRegistry(settings),
                settings.list(Setting.SANDBOX_REGISTRIES),
                new Sandbox.Mirrors(mirror(settings, Setting.SANDBOX_PIP_INDEX_URL), mirror(settings, Setting.SANDBOX_NPM_REGISTRY)),
                new Sandbox.PackageCacheLimits(settings.positiveLong(Setting.SANDBOX_PACKAGE_CACHE_MAX_ARCHIVE_BYTES),
                        settings.positiveLong(Setting.SANDBOX_PACKAGE_CACHE_MAX_UNPACKED_BYTES),
                        settings.positiveInt(Setting.SANDBOX_PACKAGE_CACHE_MAX_ENTRIES)),
                new Sandbox.Previews(Duration.ofMinutes(settings.positiveInt(Setting.PREVIEW_IDLE_MINUTES)),
                        Duration.ofMinutes(settings.positiveInt(Setting.PREVIEW_MAX_MINUTES))));
        WorkflowLimits workflow = new WorkflowLimits(
                settings.nonNegativeInt(Setting.WORKFLOW_MAX_QUESTIONS),
                settings.positiveInt(Setting.WORKFLOW_MAX_FIX_ITERATIONS),
                settings.positiveInt(Setting.WORKFLOW_MAX_CODING_ATTEMPTS),
                settings.nonNegativeInt(Setting.WORKFLOW_MAX_SCHEMA_RETRIES),
                settings.positiveInt(Setting.WORKFLOW_CODE_MONKEY_CONCURRENCY),
                settings.positiveInt(Setting.WORKFLOW_EXECUTION_TIME_SECONDS),
                settings.positiveInt(Setting.WORKFLOW_MAX_TOOL_ROUNDS),
                settings.positiveLong(Setting.WORKFLOW_MAX_STEP_TOKENS),
                settings.positiveInt(Setting.WORKFLOW_STEP_TIME_SECONDS));
        AgentLimits artifacts = new AgentLimits(
                settings.positiveInt(Setting.WORKFLOW_MAX_TEXT_CHARS),
                settings.positiveInt(Setting.WORKFLOW_MAX_LIST_ITEMS),
                settings.positiveInt(Setting.WORKFLOW_MAX_TASKS),
                settings.positiveInt(Setting.WORKFLOW_MAX_STEPS_PER_TASK),
                settings.positiveInt(Setting.WORKFLOW_MAX_FILE_CHARS),
                settings.positiveInt(Setting.WORKFLOW_MAX_EXEC_OUTPUT_CHARS),
                settings.positiveInt(Setting.WORKFLOW_MAX_PLAN_ROUNDS));
        Hooks hooks = new Hooks(
                settings.optional(Setting.WEBHOOK_QUEUE_URL),
                settings.optional(Setting.NOTIFICATION_QUEUE_URL),
                Duration.ofSeconds(settings.positiveInt(Setting.WEBHOOK_SIGNATURE_TOLERANCE_SECONDS)),
                settings.positiveInt(Setting.WEBHOOK_MAX_PER_PROJECT),
                Duration.ofSeconds(settings.nonNegativeInt(Setting.QUEUE_RETRY_BASE_SECONDS)),
                Duration.ofSeconds(settings.positiveInt(Setting.NOTIFICATION_TIMEOUT_SECONDS)),
                settings.list(Setting.NOTIFICATION_ALLOWED_HOSTS));
        ApiKeys apiKeys = new ApiKeys(
                settings.positiveInt(Setting.API_KEY_RATE_LIMIT_PER_MINUTE),
                settings.positiveInt(Setting.API_KEY_RATE_LIMIT_BURST),
                settings.positiveLong(Setting.API_KEY_MONTHLY_QUOTA),
                settings.positiveInt(Setting.API_KEYS_PER_USER));
        Secrets secrets = new Secrets(
                settings.optional(Setting.KMS_KEY_ID),
                settings.endpoint(Setting.KMS_ENDPOINT),
                settings.optional(Setting.API_KEY_PEPPER),
                settings.optional(Setting.SECRET_BOX_KEY));
        Billing billing = new Billing(
                settings.nonNegativeDecimal(Setting.BILLING_MARKUP),
                settings.nonNegativeDecimal(Setting.BILLING_MAX_TOP_UP_USD),
                settings.list(Setting.ADMIN_EMAILS).stream().map(email -> email.toLowerCase(java.util.Locale.ROOT)).toList());
        return new SamokoderConfig(aws, limits, auth, api, local, llm, sandbox, workflow, artifacts, hooks, apiKeys, secrets, billing,
                storage(settings));
    }

    private static Storage storage(Settings settings) {
        Duration base = Duration.ofMillis(settings.nonNegativeInt(Setting.STORAGE_CONFLICT_BACKOFF_BASE_MILLIS));
        Duration max = Duration.ofMillis(settings.positiveInt(Setting.STORAGE_CONFLICT_BACKOFF_MAX_MILLIS));
        if (max.compareTo(base) < 0) {
            throw new ConfigException(Setting.STORAGE_CONFLICT_BACKOFF_MAX_MILLIS.variable() + " (" + max.toMillis()
                    + ") must be at least " + Setting.STORAGE_CONFLICT_BACKOFF_BASE_MILLIS.variable() + " (" + base.toMillis() + ")");
        }
        return new Storage(new RetryPolicy(settings.positiveInt(Setting.STORAGE_CONFLICT_ATTEMPTS), base, max),
                new RetryPolicy(settings.positiveInt(Setting.STORAGE_HOT_CONFLICT_ATTEMPTS), base, max));
    }

    private static Optional<URI> mirror(Settings settings, Setting setting) {
        return settings.optional(setting).map(value -> {
            try {
                return new URI(value);
            } catch (java.net.URISyntaxException e) {
                throw new IllegalArgumentException(setting.variable() + ": '" + value + "' is not a URL: " + e.getReason());
            }
        });
    }

    private static Optional<Sandbox.PackageRegistry> packageRegistry(Settings settings) {
        if (settings.optional(Setting.SANDBOX_REGISTRY_DOMAIN).isEmpty()) {
            return Optional.empty();
        }
        String domain = settings.name(Setting.SANDBOX_REGISTRY_DOMAIN);
        String owner = settings.string(Setting.SANDBOX_REGISTRY_DOMAIN_OWNER);
        if (!owner.matches("\\d{12}")) {
            throw new ConfigException(Setting.SANDBOX_REGISTRY_DOMAIN_OWNER.variable()
                    + " must be the 12-digit AWS account id owning " + domain + ", got '" + owner + "'");
        }
        return Optional.of(new Sandbox.PackageRegistry(domain, owner, settings.name(Setting.SANDBOX_REGISTRY_REPOSITORY)));
    }

    private static Sandbox.Isolation isolation(String value) {
        return switch (value) {
            case "bubblewrap" -> Sandbox.Isolation.BUBBLEWRAP;
            case "none" -> Sandbox.Isolation.NONE;
            default -> throw new ConfigException(Setting.SANDBOX.variable() + " must be 'bubblewrap' or 'none' (unsafe), got '" + value + "'");
        };
    }

    private static Optional<Path> optionalPath(String value) {
        return value.isEmpty() ? Optional.empty() : Optional.of(Path.of(value));
    }

    public SamokoderConfig withAws(Aws newAws) {
        return new SamokoderConfig(newAws, limits, auth, api, local, llm, sandbox, workflow, artifacts, hooks, apiKeys, secrets, billing, storage);
    }

    public SamokoderConfig withAuth(Auth newAuth) {
        return new SamokoderConfig(aws, limits, newAuth, api, local, llm, sandbox, workflow, artifacts, hooks, apiKeys, secrets, billing, storage);
    }

    public SamokoderConfig withApi(Api newApi) {
        return new SamokoderConfig(aws, limits, auth, newApi, local, llm, sandbox, workflow, artifacts, hooks, apiKeys, secrets, billing, storage);
    }

    public SamokoderConfig withLlm(Llm newLlm) {
        return new SamokoderConfig(aws, limits, auth, api, local, newLlm, sandbox, workflow, artifacts, hooks, apiKeys, secrets, billing, storage);
    }

    public SamokoderConfig withWorkflow(WorkflowLimits newWorkflow) {
        return new SamokoderConfig(aws, limits, auth, api, local, llm, sandbox, newWorkflow, artifacts, hooks, apiKeys, secrets, billing, storage);
    }

    public SamokoderConfig withHooks(Hooks newHooks) {
        return new SamokoderConfig(aws, limits, auth, api, local, llm, sandbox, workflow, artifacts, newHooks, apiKeys, secrets, billing, storage);
    }

    public SamokoderConfig withSandbox(Sandbox newSandbox) {
        return new SamokoderConfig(aws, limits, auth, api, local, llm, newSandbox, workflow, artifacts, hooks, apiKeys, secrets, billing, storage);
    }

    public SamokoderConfig withLocal(Local newLocal) {
        return new SamokoderConfig(aws, limits, auth, api, newLocal, llm, sandbox, workflow, artifacts, hooks, apiKeys, secrets, billing, storage);
    }

    public SamokoderConfig withApiKeys(ApiKeys newApiKeys) {
        return new SamokoderConfig(aws, limits, auth, api, local, llm, sandbox, workflow, artifacts, hooks, newApiKeys, secrets, billing, storage);
    }

    public SamokoderConfig withSecrets(Secrets newSecrets) {
        return new SamokoderConfig(aws, limits, auth, api, local, llm, sandbox, workflow, artifacts, hooks, apiKeys, newSecrets, billing, storage);
    }

    public SamokoderConfig withStorage(Storage newStorage) {
        return new SamokoderConfig(aws, limits, auth, api, local, llm, sandbox, workflow, artifacts, hooks, apiKeys, secrets, billing, newStorage);
    }

    public SamokoderConfig withBilling(Billing newBilling) {
        return new SamokoderConfig(aws, limits, auth, api, local, llm, sandbox, workflow, artifacts, hooks, apiKeys, secrets, newBilling, storage);
    }
}
