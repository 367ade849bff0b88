package dev.samokoder.core.config;

/**
 * Every environment variable Samokoder reads, with its default for local mode. This enum is the
 * one list; docs/configuration.md is checked against it by a test.
 */
public enum Setting {
    AWS_REGION("AWS_REGION", "us-east-1", "AWS region of every client."),
    TABLE_NAME("SAMOKODER_TABLE", "samokoder", "The DynamoDB table (single-table design)."),
    BUCKET_NAME("SAMOKODER_BUCKET", "samokoder-files", "The S3 bucket for blobs, snapshots and exports."),
    WEBHOOK_QUEUE("SAMOKODER_WEBHOOK_QUEUE", "samokoder-webhooks", "SQS queue that buffers webhook deliveries."),
    WEBHOOK_DLQ("SAMOKODER_WEBHOOK_DLQ", "samokoder-webhooks-dlq", "Dead-letter queue for webhook deliveries that keep failing."),
    WEBHOOK_QUEUE_URL("SAMOKODER_WEBHOOK_QUEUE_URL", "", "URL of the webhook queue (set by CDK); empty: looked up by SAMOKODER_WEBHOOK_QUEUE."),
    NOTIFICATION_QUEUE("SAMOKODER_NOTIFICATION_QUEUE", "samokoder-notifications", "SQS queue of outgoing run notifications."),
    NOTIFICATION_DLQ("SAMOKODER_NOTIFICATION_DLQ", "samokoder-notifications-dlq", "Dead-letter queue for notifications that could not be delivered."),
    NOTIFICATION_QUEUE_URL("SAMOKODER_NOTIFICATION_QUEUE_URL", "", "URL of the notification queue (set by CDK); empty: looked up by SAMOKODER_NOTIFICATION_QUEUE."),
    DYNAMODB_ENDPOINT("SAMOKODER_DYNAMODB_ENDPOINT", "", "Endpoint override for DynamoDB (local mode); empty means AWS."),
    S3_ENDPOINT("SAMOKODER_S3_ENDPOINT", "", "Endpoint override for S3 (local mode); empty means AWS."),
    SQS_ENDPOINT("SAMOKODER_SQS_ENDPOINT", "", "Endpoint override for SQS (local mode); empty means AWS."),
    MAX_BLOB_BYTES("SAMOKODER_MAX_BLOB_BYTES", "26214400", "Largest single file the blob store accepts, in bytes (25 MiB)."),
    STORAGE_CONFLICT_ATTEMPTS("SAMOKODER_STORAGE_CONFLICT_ATTEMPTS", "5", "Tries of a read-modify-write that keeps losing the optimistic race on an item few write at once (a rate bucket, a login counter, a session, an API key's month, a stored model key, a file entry, a task step), the first included, before it reports contention."),
    STORAGE_HOT_CONFLICT_ATTEMPTS("SAMOKODER_STORAGE_HOT_CONFLICT_ATTEMPTS", "50", "The same on the items many write at once: the cost and credit ledgers' counters (every model call of a user) and a run's record (every CodeMonkey of the parallel Map)."),
    STORAGE_CONFLICT_BACKOFF_BASE_MILLIS("SAMOKODER_STORAGE_CONFLICT_BACKOFF_BASE_MILLIS", "10", "The most a read-modify-write that lost the race waits, at random, before its first retry, in milliseconds; doubled for each further retry (0: retry at once)."),
    STORAGE_CONFLICT_BACKOFF_MAX_MILLIS("SAMOKODER_STORAGE_CONFLICT_BACKOFF_MAX_MILLIS", "100", "The most that doubled wait grows to, in milliseconds (at least the base)."),

    JWT_ISSUER("SAMOKODER_JWT_ISSUER", "https://samokoder.local", "The iss claim of access tokens."),
    JWT_AUDIENCE("SAMOKODER_JWT_AUDIENCE", "samokoder-api", "The aud claim of access tokens."),
    JWT_SIGNING_KEY("SAMOKODER_JWT_SIGNING_KEY", "", "The ES256 signing key as a private EC P-256 JWK (on AWS: injected from Secrets Manager). Empty in local mode: a key is generated into the data dir."),
    ACCESS_TOKEN_MINUTES("SAMOKODER_ACCESS_TOKEN_MINUTES", "15", "Lifetime of an access token, in minutes."),
    REFRESH_TOKEN_DAYS("SAMOKODER_REFRESH_TOKEN_DAYS", "30", "Lifetime of a refresh token, in days (each use rotates it)."),
    ARGON2_MEMORY_KIB("SAMOKODER_ARGON2_MEMORY_KIB", "19456", "Argon2id memory cost in KiB (OWASP minimum: 19456)."),
    ARGON2_ITERATIONS("SAMOKODER_ARGON2_ITERATIONS", "2", "Argon2id iterations."),
    ARGON2_PARALLELISM("SAMOKODER_ARGON2_PARALLELISM", "1", "Argon2id parallelism."),
    LOGIN_MAX_FAILURES("SAMOKODER_LOGIN_MAX_FAILURES", "5", "Failed logins for one email, within the window, that lock it."),
    LOGIN_WINDOW_MINUTES("SAMOKODER_LOGIN_WINDOW_MINUTES", "15", "The window failed logins are counted in, and how long a lock lasts, in minutes."),
    RATE_LIMIT_PER_MINUTE("SAMOKODER_RATE_LIMIT_PER_MINUTE", "120", "Requests per minute per user (or per IP on public routes), refilled continuously."),
    RATE_LIMIT_BURST("SAMOKODER_RATE_LIMIT_BURST", "60", "Requests a user may make at once before the per-minute rate applies."),
    IMPORT_MAX_ZIP_BYTES("SAMOKODER_IMPORT_MAX_ZIP_BYTES", "4194304", "Largest zip archive a project is imported from in the request itself, in bytes (4 MiB: a Lambda request carries 6 MB, base64 included)."),
    IMPORT_MAX_UPLOAD_BYTES("SAMOKODER_IMPORT_MAX_UPLOAD_BYTES", "52428800", "Largest zip archive a project is imported from after uploading it to a presigned URL, in bytes (50 MiB)."),
    IMPORT_MAX_FILES("SAMOKODER_IMPORT_MAX_FILES", "5000", "Most files an imported project may have."),
    IMPORT_MAX_TOTAL_BYTES("SAMOKODER_IMPORT_MAX_TOTAL_BYTES", "104857600", "Most bytes an imported archive may unpack to (100 MiB); one file is limited by SAMOKODER_MAX_BLOB_BYTES."),
    MAX_JSON_BODY_BYTES("SAMOKODER_MAX_JSON_BODY_BYTES", "1048576", "Largest JSON request body the API accepts, in bytes (1 MiB)."),
    CORS_ORIGINS("SAMOKODER_CORS_ORIGINS", "", "Comma-separated origins allowed to call the API from a browser (empty: same origin only)."),
    EXPORT_URL_MINUTES("SAMOKODER_EXPORT_URL_MINUTES", "5", "How long a presigned export download link stays valid, in minutes."),
    API_KEY_RATE_LIMIT_PER_MINUTE("SAMOKODER_API_KEY_RATE_LIMIT_PER_MINUTE", "60", "Requests per minute per API key, refilled continuously (each key has its own bucket)."),
    API_KEY_RATE_LIMIT_BURST("SAMOKODER_API_KEY_RATE_LIMIT_BURST", "30", "Requests one API key may make at once before the per-minute rate applies."),
    API_KEY_MONTHLY_QUOTA("SAMOKODER_API_KEY_MONTHLY_QUOTA", "10000", "Requests one API key may make per calendar month (UTC); past it, 429 quota-exceeded until the month ends."),
    API_KEYS_PER_USER("SAMOKODER_API_KEYS_PER_USER", "20", "Most API keys a user may hold at once."),
    API_KEY_PEPPER("SAMOKODER_API_KEY_PEPPER", "", "The secret (base64, at least 32 bytes) API keys are hashed with (HMAC-SHA256); on AWS injected from Secrets Manager. Empty in local mode: one is generated into the data dir."),
    KMS_KEY_ID("SAMOKODER_KMS_KEY_ID", "", "The KMS key (id, ARN or alias) that wraps the data keys of every stored secret: LLM keys, webhook and notification signing secrets (envelope encryption). Empty in local mode: AES-256-GCM with a master key generated into the data dir."),
    KMS_ENDPOINT("SAMOKODER_KMS_ENDPOINT", "", "Endpoint override for KMS; empty means AWS."),
    SECRET_BOX_KEY("SAMOKODER_SECRET_BOX_KEY", "", "Legacy, optional: the retired secret box's AES-256 key (base64, 32 bytes), only to read webhook and notification secrets sealed with it before they moved to SAMOKODER_KMS_KEY_ID's cipher; each is sealed again when read or rewritten. Empty: none (local mode also reads the data dir's old key file if there)."),

    DATA_DIR("SAMOKODER_DATA_DIR", ".samokoder", "Local mode: where DynamoDB and S3 data live (relative to the working directory)."),
    HOST("SAMOKODER_HOST", "127.0.0.1", "Local mode: the loopback address the gateway and the components bind to."),
    PORT("SAMOKODER_PORT", "8080", "Local mode: the HTTP gateway's port."),
    DYNAMODB_PORT("SAMOKODER_DYNAMODB_PORT", "0", "Local mode: DynamoDB Local's port (0 = any free port)."),
    S3_PORT("SAMOKODER_S3_PORT", "0", "Local mode: S3Proxy's port (0 = any free port)."),
    SQS_PORT("SAMOKODER_SQS_PORT", "0", "Local mode: ElasticMQ's port (0 = any free port)."),
    SFN_PORT("SAMOKODER_SFN_PORT", "0", "Local mode: the Step Functions engine's API port (0 = any free port)."),
    STATIC_DIR("SAMOKODER_STATIC_DIR", "frontend/dist", "Local mode: the folder the gateway serves at / (the built web app)."),

    LLM_MODEL("SAMOKODER_LLM_MODEL", "anthropic:claude-sonnet-4-5", "The model every agent uses unless overridden, as provider:model (openai, anthropic, bedrock, openai-compatible, replay)."),
    LLM_AGENT_MODELS("SAMOKODER_LLM_AGENT_MODELS", "", "Per-agent models, comma-separated Agent=provider:model (e.g. CodeMonkey=openai:gpt-4.1-mini)."),
    LLM_PRICE_TABLE("SAMOKODER_LLM_PRICE_TABLE", "", "A JSON file of model prices and limits laid over the built-in price table (same shape); empty = built-in only."),
    LLM_MAX_OUTPUT_TOKENS("SAMOKODER_LLM_MAX_OUTPUT_TOKENS", "8192", "Output tokens a call may use when the step does not say (never more than the model allows); reserved against budgets."),
    LLM_AGENT_MAX_OUTPUT_TOKENS("SAMOKODER_LLM_AGENT_MAX_OUTPUT_TOKENS", "CodeMonkey=16384,TechnicalWriter=16384", "Output tokens per call of an agent, comma-separated Agent=tokens, over SAMOKODER_LLM_MAX_OUTPUT_TOKENS (never more than the model allows)."),
    LLM_USER_MONTHLY_BUDGET_USD("SAMOKODER_LLM_USER_MONTHLY_BUDGET_USD", "25", "Default monthly budget of a user for model calls, in US dollars (UTC calendar month)."),
    LLM_TIMEOUT_SECONDS("SAMOKODER_LLM_TIMEOUT_SECONDS", "180", "How long one provider request may take before it fails as a timeout, in seconds."),
    LLM_RATE_LIMIT_MAX_WAIT_SECONDS("SAMOKODER_LLM_RATE_LIMIT_MAX_WAIT_SECONDS", "60", "Total time one call may spend waiting out provider rate limits (retry-after) before it fails, in seconds."),
    LLM_REPLAY_LATENCY_MS("SAMOKODER_LLM_REPLAY_LATENCY_MS", "0", "How long each replayed answer takes, in milliseconds, as a model's would (benchmarks)."),
    LLM_REPLAY_TRANSCRIPT("SAMOKODER_LLM_REPLAY_TRANSCRIPT", "", "The recorded transcript the replay provider answers from (needed when a model is replay:...)."),
    LLM_RECORD("SAMOKODER_LLM_RECORD", "", "A file every model exchange is appended to as a replay transcript (JSON Lines; keys, tokens and secrets redacted); empty = no recording."),
    OPENAI_API_KEY("OPENAI_API_KEY", "", "Local mode: the OpenAI key every user's calls use until users store their own."),
    ANTHROPIC_API_KEY("ANTHROPIC_API_KEY", "", "Local mode: the Anthropic key every user's calls use until users store their own."),
    LLM_OPENAI_COMPATIBLE_BASE_URL("SAMOKODER_LLM_OPENAI_COMPATIBLE_BASE_URL", "", "Base URL of an OpenAI-compatible server (e.g. http://127.0.0.1:11434/v1 for Ollama) for models openai-compatible:..."),
    LLM_OPENAI_COMPATIBLE_API_KEY("SAMOKODER_LLM_OPENAI_COMPATIBLE_API_KEY", "", "The key of the OpenAI-compatible server, if it wants one (Groq, OpenRouter)."),
    LLM_BEDROCK_REGION("SAMOKODER_LLM_BEDROCK_REGION", "", "Region of Bedrock calls; empty = AWS_REGION."),
    LLM_PLATFORM_MODEL("SAMOKODER_LLM_PLATFORM_MODEL", "", "The platform's own model (bedrock:...) a call falls back to when neither the project nor the user has a key for the agent's provider and the user's plan allows it; empty = no fallback."),
    LLM_KEY_PRIVATE_BASE_URLS("SAMOKODER_LLM_KEY_PRIVATE_BASE_URLS", "false", "true lets a user's stored openai-compatible key point at a loopback, private or link-local address (a model server on the same machine); keep false on a shared platform."),

    BILLING_MARKUP("SAMOKODER_BILLING_MARKUP", "1.3", "What a platform-paid model call costs the user: the price table's cost times this factor (BYOK calls are shown, never charged)."),
    BILLING_MAX_TOP_UP_USD("SAMOKODER_BILLING_MAX_TOP_UP_USD", "10000", "Largest single credit top-up an administrator may record, in US dollars."),
    ADMIN_EMAILS("SAMOKODER_ADMIN_EMAILS", "", "Comma-separated emails of the administrators (they may top up credit); empty = nobody."),

    SANDBOX("SAMOKODER_SANDBOX", "bubblewrap", "Local mode: how generated code runs: bubblewrap (isolated), or none (UNSAFE: no isolation at all, for trusted code only)."),
    SANDBOX_DIR("SAMOKODER_SANDBOX_DIR", "", "Local mode: where sandbox workspaces are made and removed (empty: samokoder-sandbox-<uid> in the system temp folder)."),
    SANDBOX_UID("SAMOKODER_SANDBOX_UID", "65534", "Local mode, platform running as root: the unprivileged uid and gid sandboxed commands run as."),
    SANDBOX_REGISTRIES("SAMOKODER_SANDBOX_REGISTRIES", "registry.npmjs.org:443,registry.yarnpkg.com:443,pypi.org:443,files.pythonhosted.org:443",
            "Local mode: the host:port pairs (comma-separated) the egress proxy lets a sandbox's installs reach; nothing else of the network is reachable. A pair written as an IP address is reached as written, even on this machine or a private network (a mirror); a name must resolve to a public address."),
    SANDBOX_PIP_INDEX_URL("SAMOKODER_SANDBOX_PIP_INDEX_URL", "", "Local mode: the PyPI-compatible index (a simple/ URL) pip installs from in the sandbox, e.g. a mirror; its host:port must be in SAMOKODER_SANDBOX_REGISTRIES; empty: PyPI."),
    SANDBOX_NPM_REGISTRY("SAMOKODER_SANDBOX_NPM_REGISTRY", "", "Local mode: the npm registry npm, pnpm and yarn install from in the sandbox, e.g. a mirror; its host:port must be in SAMOKODER_SANDBOX_REGISTRIES; empty: registry.npmjs.org."),
    SANDBOX_CGROUP("SAMOKODER_SANDBOX_CGROUP", "", "Local mode: a cgroup v2 folder (delegated to this user) to make sandbox cgroups in; empty: detected."),
    SANDBOX_MEMORY_MB("SAMOKODER_SANDBOX_MEMORY_MB", "1024", "Memory limit of one sandbox run, in MiB (locally a cgroup limit; on Fargate the task size)."),
    SANDBOX_CPU_MILLICORES("SAMOKODER_SANDBOX_CPU_MILLICORES", "1000", "CPU limit of one sandbox run, in thousandths of a core."),
    SANDBOX_MAX_PROCESSES("SAMOKODER_SANDBOX_MAX_PROCESSES", "256", "Most processes and threads one sandbox run may have at once."),
    SANDBOX_OUTPUT_TAIL_BYTES("SAMOKODER_SANDBOX_OUTPUT_TAIL_BYTES", "65536", "Bytes kept of each of stdout and stderr (the last ones)."),
    SANDBOX_OUTPUT_LIMIT_BYTES("SAMOKODER_SANDBOX_OUTPUT_LIMIT_BYTES", "16777216", "Output a command may write in all before it is killed, in bytes (16 MiB)."),
    SANDBOX_MAX_TIME_SECONDS("SAMOKODER_SANDBOX_MAX_TIME_SECONDS", "1800", "Longest time limit a sandbox run may ask for, in seconds."),
    SANDBOX_REAPER_GRACE_SECONDS("SAMOKODER_SANDBOX_REAPER_GRACE_SECONDS", "120", "How long past its time limit a sandbox task may run before the reaper stops it."),
    SANDBOX_REAPER_INTERVAL_SECONDS("SAMOKODER_SANDBOX_REAPER_INTERVAL_SECONDS", "60", "Local mode: how often the reaper looks at the running sandboxes."),
    SANDBOX_CLUSTER("SAMOKODER_SANDBOX_CLUSTER", "samokoder-sandbox", "The ECS cluster sandbox tasks run on (the reaper lists it)."),
    SANDBOX_WORKSPACE("SAMOKODER_SANDBOX_WORKSPACE", "/workspace", "Fargate runner: the empty folder the snapshot is materialized into."),
    SANDBOX_REGISTRY_DOMAIN("SAMOKODER_SANDBOX_REGISTRY_DOMAIN", "", "Fargate runner: the CodeArtifact domain that proxies npm and PyPI; a command allowed the registries installs through it (empty: not configured)."),
    SANDBOX_REGISTRY_DOMAIN_OWNER("SAMOKODER_SANDBOX_REGISTRY_DOMAIN_OWNER", "", "Fargate runner: the AWS account id owning the CodeArtifact domain (required with SAMOKODER_SANDBOX_REGISTRY_DOMAIN)."),
    SANDBOX_REGISTRY_REPOSITORY("SAMOKODER_SANDBOX_REGISTRY_REPOSITORY", "packages", "Fargate runner: the CodeArtifact repository, in that domain, whose upstreams are npm and PyPI."),
    SANDBOX_PACKAGE_CACHE_MAX_ARCHIVE_BYTES("SAMOKODER_SANDBOX_PACKAGE_CACHE_MAX_ARCHIVE_BYTES", "536870912", "Fargate runner: the largest package-cache archive (one per project and lockfiles, in S3) saved or restored, in bytes (512 MiB); a bigger cache is not saved."),
    SANDBOX_PACKAGE_CACHE_MAX_UNPACKED_BYTES("SAMOKODER_SANDBOX_PACKAGE_CACHE_MAX_UNPACKED_BYTES", "1073741824", "Fargate runner: the most bytes a package-cache archive may hold unpacked (1 GiB); a cache over it is not saved, an archive over it is not restored."),
    SANDBOX_SERVING_PORT("SAMOKODER_SANDBOX_SERVING_PORT", "47800", "Fargate runner: the port a task that serves an app (a live preview) listens on for the preview front, which its security group lets in (0: any free one)."),
    PREVIEW_DOMAIN("SAMOKODER_PREVIEW_DOMAIN", "", "AWS: the domain previews are served under (each project at <project-id>.<domain>, through the preview front); empty: no live previews on this stage."),
    PREVIEW_TASK_DEFINITION("SAMOKODER_PREVIEW_TASK_DEFINITION", "", "AWS: the sandbox runner's task definition a preview runs as."),
    PREVIEW_SUBNETS("SAMOKODER_PREVIEW_SUBNETS", "", "AWS: comma-separated subnets of the sandbox VPC a preview's task runs in."),
    PREVIEW_SECURITY_GROUP("SAMOKODER_PREVIEW_SECURITY_GROUP", "", "AWS: the security group of preview tasks (the package registries out, the preview front in)."),
    PREVIEW_IDLE_MINUTES("SAMOKODER_PREVIEW_IDLE_MINUTES", "15", "A live preview stops after this many minutes without a request."),
    PREVIEW_MAX_MINUTES("SAMOKODER_PREVIEW_MAX_MINUTES", "30", "A live preview stops after this many minutes in any case (at most SAMOKODER_SANDBOX_MAX_TIME_SECONDS)."),
    SANDBOX_PACKAGE_CACHE_MAX_ENTRIES("SAMOKODER_SANDBOX_PACKAGE_CACHE_MAX_ENTRIES", "200000", "Fargate runner: the most files and folders in a package-cache archive; a cache over it is not saved, an archive over it is not restored."),

    WORKFLOW_MAX_QUESTIONS("SAMOKODER_WORKFLOW_MAX_QUESTIONS", "5", "Clarifying questions SpecWriter may ask in an interactive run (0: none)."),
    WORKFLOW_MAX_FIX_ITERATIONS("SAMOKODER_WORKFLOW_MAX_FIX_ITERATIONS", "4", "Fix iterations (BugHunter/Troubleshooter rounds) per task before it fails."),
    WORKFLOW_MAX_CODING_ATTEMPTS("SAMOKODER_WORKFLOW_MAX_CODING_ATTEMPTS", "3", "Attempts CodeMonkey gets per file (write, self-review, retry)."),
    WORKFLOW_MAX_SCHEMA_RETRIES("SAMOKODER_WORKFLOW_MAX_SCHEMA_RETRIES", "2", "Re-asks of a model whose structured answer fails its JSON Schema (0: none)."),
    WORKFLOW_CODE_MONKEY_CONCURRENCY("SAMOKODER_WORKFLOW_CODE_MONKEY_CONCURRENCY", "4", "Files CodeMonkey writes at once: the Map state's MaxConcurrency (1 to 40)."),
    WORKFLOW_EXECUTION_TIME_SECONDS("SAMOKODER_WORKFLOW_EXECUTION_TIME_SECONDS", "600", "Wall-clock limit of one sandbox execution of a task's commands and tests (at most SAMOKODER_SANDBOX_MAX_TIME_SECONDS)."),
    WORKFLOW_MAX_TOOL_ROUNDS("SAMOKODER_WORKFLOW_MAX_TOOL_ROUNDS", "40", "Model calls (tool rounds) one agent step may make before it fails."),
    WORKFLOW_MAX_STEP_TOKENS("SAMOKODER_WORKFLOW_MAX_STEP_TOKENS", "1000000", "Prompt and completion tokens one agent step may use, summed over its tool rounds, before it fails."),
    WORKFLOW_MAX_TEXT_CHARS("SAMOKODER_WORKFLOW_MAX_TEXT_CHARS", "8000", "Characters of any one text a run stores (spec, description, diagnosis, instructions); longer ones are clipped (at least 100)."),
    WORKFLOW_MAX_LIST_ITEMS("SAMOKODER_WORKFLOW_MAX_LIST_ITEMS", "30", "Items of any one list a run stores (assumptions, acceptance tests, dependencies, argv)."),
    WORKFLOW_MAX_TASKS("SAMOKODER_WORKFLOW_MAX_TASKS", "40", "Tasks in a plan; a longer plan goes back to the TechLead with the reason."),
    WORKFLOW_MAX_STEPS_PER_TASK("SAMOKODER_WORKFLOW_MAX_STEPS_PER_TASK", "60", "Steps one task may accumulate, fix iterations included, before it fails."),
    WORKFLOW_MAX_FILE_CHARS("SAMOKODER_WORKFLOW_MAX_FILE_CHARS", "100000", "Characters of one generated file, and of a file's content shown to CodeMonkey (at least 100)."),
    WORKFLOW_MAX_EXEC_OUTPUT_CHARS("SAMOKODER_WORKFLOW_MAX_EXEC_OUTPUT_CHARS", "8000", "Characters of a failed execution's output shown to BugHunter and Troubleshooter, its end (at least 100)."),
    WORKFLOW_MAX_PLAN_ROUNDS("SAMOKODER_WORKFLOW_MAX_PLAN_ROUNDS", "3", "Developer rounds per task when the command policy refuses a proposed command."),
    WORKFLOW_STEP_TIME_SECONDS("SAMOKODER_WORKFLOW_STEP_TIME_SECONDS", "900", "Time one agent step may run in one invocation where no Lambda deadline says (local mode); then it saves its place and the workflow re-enters it."),
    STATE_MACHINE_ARN("SAMOKODER_STATE_MACHINE_ARN", "", "The generation workflow's state machine, which the runs API starts (set by CDK; local mode deploys its own)."),
    WEBHOOK_SIGNATURE_TOLERANCE_SECONDS("SAMOKODER_WEBHOOK_SIGNATURE_TOLERANCE_SECONDS", "300", "How far a Samokoder-Signature timestamp may be from now, either way, before a delivery is refused as stale."),
    WEBHOOK_MAX_PER_PROJECT("SAMOKODER_WEBHOOK_MAX_PER_PROJECT", "10", "Webhook triggers one project may have."),
    QUEUE_RETRY_BASE_SECONDS("SAMOKODER_QUEUE_RETRY_BASE_SECONDS", "5", "First retry delay of a failed webhook or notification message, doubled on each retry (at most 15 minutes); 0 retries at once."),
    NOTIFICATION_TIMEOUT_SECONDS("SAMOKODER_NOTIFICATION_TIMEOUT_SECONDS", "10", "How long one notification POST may take (connect and answer) before it counts as failed."),
    NOTIFICATION_ALLOWED_HOSTS("SAMOKODER_NOTIFICATION_ALLOWED_HOSTS", "", "Comma-separated hosts notifications may reach although they are private, loopback or link-local, over http too (tests: 127.0.0.1). Empty: public https hosts only.");

    private final String variable;
    private final String defaultValue;
    private final String description;

    Setting(String variable, String defaultValue, String description) {
        this.variable = variable;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    public String variable() {
        return variable;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }
}
