package dev.samokoder.api;

import dev.samokoder.core.config.AgentLimits;
import dev.samokoder.core.domain.AutonomyMode;
import dev.samokoder.core.domain.Ids;
import dev.samokoder.core.domain.Project;
import dev.samokoder.core.domain.ProjectSettings;
import dev.samokoder.core.domain.User;
import dev.samokoder.core.domain.WorkspacePath;
import dev.samokoder.core.models.Provider;
import dev.samokoder.core.storage.Storage;
import dev.samokoder.sandbox.SnapshotStore;
import dev.samokoder.services.apikeys.ApiScope;
import dev.samokoder.services.apikeys.IssuedApiKey;
import dev.samokoder.services.auth.AccessTokens;
import dev.samokoder.services.auth.AuthTokens;
import dev.samokoder.services.billing.Money;
import dev.samokoder.services.llmkeys.LlmKeyOwner;
import dev.samokoder.services.projects.ProjectChanges;
import dev.samokoder.services.runs.Run;
import dev.samokoder.services.runs.RunEvents;
import dev.samokoder.services.runs.RunKind;
import dev.samokoder.services.runs.RunNotifier;
import dev.samokoder.services.runs.RunProgress;
import dev.samokoder.services.runs.RunRepository;
import dev.samokoder.services.runs.RunStatus;
import dev.samokoder.services.runs.artifacts.Architecture;
import dev.samokoder.services.runs.artifacts.Spec;
import dev.samokoder.services.runs.artifacts.Stack;
import dev.samokoder.services.runs.artifacts.Execution;
import dev.samokoder.services.runs.artifacts.PlannedTask;
import dev.samokoder.services.runs.artifacts.RunArtifacts;
import dev.samokoder.services.webhooks.WebhookSignatures;
import dev.samokoder.services.webhooks.WebhookSource;
import dev.samokoder.services.workspace.WorkspaceSnapshots;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The data a sample event is played against, as {@code events/api/README.md} describes it: a
 * signed-in user with a project (at version 2, with three files) and someone else's project.
 * Made afresh for each event, so that no event depends on what another one did.
 *
 * @param placeholders the value of each {@code ${name}} the samples use
 * @param secrets      what must never show up in a log
 */
record SampleWorld(Map<String, String> placeholders, List<String> secrets) {

    static final String PASSWORD = "correct horse battery staple";
    /** The body the webhook samples send; the signatures placeholders are computed over exactly these bytes. */
    static final String HOOK_BODY = "{\"request\":\"Add a dark mode toggle\"}";
    /** The notification URL the samples set and find (on the allow-list ApiEventsIT configures). */
    static final String NOTIFICATION_URL = "http://127.0.0.1:8787/samokoder-events";
    /** The administrator's email; ApiEventsIT lists it in SAMOKODER_ADMIN_EMAILS. */
    static final String ADMIN_EMAIL = "admin@samokoder.test";
    static final String OWN_LLM_KEY = "sk-sample-openai-key-1234";
    static final String PROJECT_LLM_KEY = "sk-ant-project-5678";
    static final String THEIR_PROJECT_LLM_KEY = "sk-ant-theirs-9999";

    /** @param pastTokens our signing key on a clock an hour behind: the tokens it issues have expired */
    static SampleWorld create(ApiServices services, AccessTokens pastTokens, Storage storage, DynamoDbClient dynamoDb,
                              SnapshotStore snapshotStore) {
        String email = newEmail();
        User user = services.auth().register(email, PASSWORD, Optional.of("Ada"));
        AuthTokens tokens = services.auth().login(email, PASSWORD);
        String sessionId = services.accessTokens().verify(tokens.accessToken()).sessionId();
        String expiredToken = pastTokens.issue(user.id(), sessionId).token();

        // created first, so the main project is the newest in the user's list
        Project idle = services.projects().create(user.id(), "Notes", "", ProjectSettings.defaults());
        Project created = services.projects().create(user.id(), "Todo app", "A todo list with due dates", ProjectSettings.defaults());
        // version 2, so that a sample can send version 1 as a stale one
        Project project = services.projects().update(user.id(), created.id(), created.version(),
                new ProjectChanges(Optional.of("Todo app v2"), Optional.empty(), Optional.empty(), Optional.empty()));
        write(storage, project.id(), "README.md", "# Hello");
        write(storage, project.id(), "src/app/[id]/page.tsx", "export {}");
        write(storage, project.id(), "public/index.html", "<script>alert(1)</script>");
        // the project's app, as a successful run keeps it: what its live preview starts
        new RunArtifacts(dynamoDb, storage.table(), Clock.systemUTC(), AgentLimits.defaults()).keepAsApp(project.id(),
                new Spec("A todo list", List.of()), new Architecture(1, "chosen", "web app", Stack.NODE, List.of(), List.of(),
                        List.of("npm", "test"), List.of("npm", "start"), 3000, "/", List.of(), List.of()));

        // Ownership is only the project's owner id, so the other user needs no account (which saves a
        // registration per sample). Their project holds a README.md too: a 404 for it is the owner check,
        // not a missing file.
        Project theirs = services.projects().create(Ids.newId(User.ID_PREFIX), "Bob's app", "", ProjectSettings.defaults());
        write(storage, theirs.id(), "README.md", "# Bob's");

        // runs: one waiting on a question in the project, a failed one in a second project (so a new run
        // may start there), and one of the other user's
        Clock clock = Clock.systemUTC();
        RunRepository runs = new RunRepository(storage.table(), clock);
        RunEvents events = new RunEvents(dynamoDb, storage.table(), clock);
        RunArtifacts artifacts = new RunArtifacts(dynamoDb, storage.table(), clock, AgentLimits.defaults());
        Run waiting = runs.start(project.id(), user.id(), RunKind.NEW_APP, "A todo REST API", AutonomyMode.INTERACTIVE,
                SnapshotStore.key(project.id(), "0".repeat(64)));
        events.append(waiting.id(), "RUN_STARTED", "a new app in interactive mode", Map.of());
        artifacts.putQuestions(waiting.id(), List.of("Where should todos be stored?"));
        RunProgress p = waiting.progress();
        runs.save(waiting.withStatus(RunStatus.WAITING_FOR_ANSWER)
                .withControl(waiting.control().withWaitToken(Optional.of("task-token-of-" + waiting.id())))
                .withProgress(new RunProgress(p.mode(), true, 1, false, false, 0, 0, p.task(), false, false)));
        Run failed = runs.start(idle.id(), user.id(), RunKind.NEW_APP, "A notes app", AutonomyMode.AUTONOMOUS,
                SnapshotStore.key(idle.id(), "0".repeat(64)));
        RunProgress fp = failed.progress();
        runs.save(failed.withStatus(RunStatus.FAILED).withFailure(Optional.of("task 1 still fails after 4 fix iterations"))
                .withProgress(new RunProgress(fp.mode(), true, 0, true, true, 1, 0, fp.task(), false, false)));
        // the failed run's plan: one task, whose first execution failed its tests
        artifacts.putTasks(failed.id(), List.of(new PlannedTask(1, "Todos", "Store todos", "Keep todos in memory",
                List.of("GET /todos returns []"), PlannedTask.TaskStatus.PLANNED, 1, 1, 1)));
        artifacts.putExecution(failed.id(), new Execution(1, 1, "sbx-sample", false, List.of("npm", "test"), "TESTS", 1, false,
                4_200, "1 failing: GET /todos returns []", 2, Instant.now()));
        // two snapshots of the project: README.md changed, logo.png (not UTF-8) added, public/index.html
        // deleted; the live files are put back to the first, as the other samples expect
        WorkspaceSnapshots workspaceSnapshots = new WorkspaceSnapshots(storage.files(), snapshotStore);
        String snapshotBefore = workspaceSnapshots.take(project.id());
        storage.files().update(storage.files().get(project.id(), WorkspacePath.of("README.md")).orElseThrow(),
                storage.blobs().put("# Hello, world".getBytes(StandardCharsets.UTF_8)));
        storage.files().create(project.id(), WorkspacePath.of("logo.png"),
                storage.blobs().put(new byte[] {(byte) 0x89, 'P', 'N', 'G', (byte) 0xff}));
        storage.files().delete(storage.files().get(project.id(), WorkspacePath.of("public/index.html")).orElseThrow());
        String snapshotAfter = workspaceSnapshots.take(project.id());
        workspaceSnapshots.restore(project.id(), snapshotBefore);
        String otherSnapshot = workspaceSnapshots.take(theirs.id());
        Run theirRun = runs.start(theirs.id(), theirs.ownerId(), RunKind.NEW_APP, "Bob's app", AutonomyMode.AUTONOMOUS,
                SnapshotStore.key(theirs.id(), "0".repeat(64)));
        // with an event and a question, so that a 404 for them is the owner check, not missing data
        events.append(theirRun.id(), "RUN_STARTED", "a new app in autonomous mode", Map.of());
        artifacts.putQuestions(theirRun.id(), List.of("Which database?"));

        // a generic trigger with one delivery already received, and one on the other user's project
        var hook = services.webhooks().create(user.id(), project.id(), WebhookSource.GENERIC);
        String hookId = hook.trigger().id();
        services.webhooks().receive(hookId, header -> header.equals("samokoder-delivery") ? Optional.of("first-delivery")
                : header.equals(WebhookSignatures.GITHUB_HEADER)
                ? Optional.of(WebhookSignatures.signGitHub(hook.secret(), "{\"request\":\"First\"}".getBytes(StandardCharsets.UTF_8)))
                : Optional.empty(), "{\"request\":\"First\"}".getBytes(StandardCharsets.UTF_8));
        var theirHook = services.webhooks().create(theirs.ownerId(), theirs.id(), WebhookSource.GENERIC);
        var notification = services.notifications().put(user.id(), project.id(), NOTIFICATION_URL,
                Set.of(RunNotifier.Moment.RUN_SUCCEEDED, RunNotifier.Moment.RUN_FAILED));

        byte[] hookBody = HOOK_BODY.getBytes(StandardCharsets.UTF_8);
        Instant now = Instant.now();
        Instant stale = now.minus(Duration.ofMinutes(10));
        String timed = WebhookSignatures.sign(hook.secret(), now, hookBody);
        String staleTimed = WebhookSignatures.sign(hook.secret(), stale, hookBody);

        // an API key with every scope, someone else's key, stored LLM keys (the user's openai, the
        // project's anthropic override), $5 of credit, and an administrator
        IssuedApiKey apiKey = services.apiKeys().create(user.id(), "sample", EnumSet.allOf(ApiScope.class), Optional.empty());
        IssuedApiKey theirKey = services.apiKeys().create(theirs.ownerId(), "theirs", EnumSet.of(ApiScope.PROJECTS_READ), Optional.empty());
        IssuedApiKey readOnlyKey = services.apiKeys().create(user.id(), "read-only", EnumSet.of(ApiScope.PROJECTS_READ, ApiScope.USAGE_READ),
                Optional.empty());
        services.llmKeys().put(LlmKeyOwner.user(user.id()), Provider.OPENAI, OWN_LLM_KEY, Optional.empty());
        services.llmKeys().put(LlmKeyOwner.project(project.id()), Provider.ANTHROPIC, PROJECT_LLM_KEY, Optional.empty());
        services.llmKeys().put(LlmKeyOwner.project(theirs.id()), Provider.ANTHROPIC, THEIR_PROJECT_LLM_KEY, Optional.empty());
        services.credit().topUp(user.id(), 5 * Money.MICROS_PER_USD, "sample credit", "usr_sampleadmin");
        String adminId = services.users().findByEmail(ADMIN_EMAIL)
                .orElseGet(() -> registerAdmin(services)).id();
        String adminToken = services.accessTokens().issue(adminId, "ses_sampleadmin").token();

        // a live preview of the project (the sample launcher runs nothing)
        services.previews().start(user.id(), project.id());
        // an archive uploaded to be imported (as a client PUTs it to the presigned URL)
        var upload = services.imports().upload(user.id());
        putArchive(upload.url(), dev.samokoder.services.imports.Zips.of(Map.of("app/README.md", "# Uploaded\n")));
        String uploadId = upload.id();

        Map<String, String> placeholders = Map.ofEntries(
                Map.entry("idleProjectId", idle.id()),
                Map.entry("runId", waiting.id()),
                Map.entry("failedRunId", failed.id()),
                Map.entry("otherRunId", theirRun.id()),
                Map.entry("hookId", hookId),
                Map.entry("otherHookId", theirHook.trigger().id()),
                Map.entry("hookSignature", WebhookSignatures.signGitHub(hook.secret(), hookBody).substring("sha256=".length())),
                Map.entry("hookTimestamp", Long.toString(now.getEpochSecond())),
                Map.entry("hookTimedSignature", timed.substring(timed.indexOf("v1=") + 3)),
                Map.entry("staleTimestamp", Long.toString(stale.getEpochSecond())),
                Map.entry("staleSignature", staleTimed.substring(staleTimed.indexOf("v1=") + 3)),
                Map.entry("apiKeyId", apiKey.key().id()),
                Map.entry("apiKeySecret", apiKey.secret()),
                Map.entry("readOnlyApiKeySecret", readOnlyKey.secret()),
                Map.entry("adminAccessToken", adminToken),
                Map.entry("otherApiKeyId", theirKey.key().id()),
                Map.entry("adminUserId", adminId),
                Map.entry("snapshotBefore", snapshotBefore),
                Map.entry("snapshotAfter", snapshotAfter),
                Map.entry("otherSnapshot", otherSnapshot),
                Map.entry("userId", user.id()),
                Map.entry("sessionId", sessionId),
                Map.entry("email", email),
                Map.entry("accessToken", tokens.accessToken()),
                Map.entry("expiredAccessToken", expiredToken),
                Map.entry("tamperedAccessToken", tampered(tokens.accessToken(), theirs.ownerId())),
                Map.entry("unsignedAccessToken", unsigned(tokens.accessToken())),
                Map.entry("refreshToken", tokens.refreshToken()),
                Map.entry("projectId", project.id()),
                Map.entry("uploadId", uploadId),
                Map.entry("otherProjectId", theirs.id()),
                Map.entry("newEmail", newEmail()),
                Map.entry("oversizeText", "a".repeat(services.config().api().maxJsonBodyBytes())));
        return new SampleWorld(placeholders, List.of(PASSWORD, tokens.accessToken(), expiredToken, tokens.refreshToken(), hook.secret(),
                theirHook.secret(), notification.secret(), apiKey.secret(), theirKey.secret(), readOnlyKey.secret(), adminToken, OWN_LLM_KEY, PROJECT_LLM_KEY,
                THEIR_PROJECT_LLM_KEY));
    }

    /** The token with its subject changed to another user and its signature kept: what a forger tries first. */
    private static String tampered(String token, String otherUserId) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replaceFirst("\"sub\":\"[^\"]+\"", "\"sub\":\"" + otherUserId + "\"");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
    }

    /** The token's claims under {@code alg: none}, without a signature (RFC 7519's unsecured JWT). */
    private static String unsigned(String token) {
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"at+jwt\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + token.split("\\.")[1] + ".";
    }

    /** Concurrent first samples could both try; the loser reads the winner's account. */
    private static synchronized User registerAdmin(ApiServices services) {
        return services.users().findByEmail(ADMIN_EMAIL)
                .orElseGet(() -> services.auth().register(ADMIN_EMAIL, PASSWORD, Optional.of("Admin")));
    }

    private static String newEmail() {
        return "u" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
    }

    /** What a client does with the presigned URL of an upload. */
    private static void putArchive(java.net.URL url, byte[] zip) {
        try (var http = java.net.http.HttpClient.newHttpClient()) {
            var answer = http.send(java.net.http.HttpRequest.newBuilder(url.toURI()).header("Content-Type", "application/zip")
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray(zip)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("the upload was refused: " + answer.statusCode() + " " + answer.body());
            }
        } catch (java.io.IOException | java.net.URISyntaxException e) {
            throw new IllegalStateException("could not upload the sample archive", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void write(Storage storage, String projectId, String path, String content) {
        storage.files().create(projectId, WorkspacePath.of(path), storage.blobs().put(content.getBytes(StandardCharsets.UTF_8)));
    }
}
