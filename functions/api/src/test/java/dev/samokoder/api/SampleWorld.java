package dev.samokoder.api;

import dev.samokoder.shared.apikeys.ApiScope;
import dev.samokoder.shared.apikeys.IssuedApiKey;
import dev.samokoder.shared.auth.AuthTokens;
import dev.samokoder.shared.billing.Money;
import dev.samokoder.shared.domain.Ids;
import dev.samokoder.shared.domain.Project;
import dev.samokoder.shared.domain.ProjectSettings;
import dev.samokoder.shared.domain.User;
import dev.samokoder.shared.domain.WorkspacePath;
import dev.samokoder.shared.llm.model.Provider;
import dev.samokoder.shared.llmkeys.LlmKeyOwner;
import dev.samokoder.shared.projects.ProjectChanges;
import dev.samokoder.shared.storage.Storage;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

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
    /** The administrator's email; ApiEventsIT lists it in SAMOKODER_ADMIN_EMAILS. */
    static final String ADMIN_EMAIL = "admin@samokoder.test";
    static final String OWN_LLM_KEY = "sk-sample-openai-key-1234";
    static final String PROJECT_LLM_KEY = "sk-ant-project-5678";

    static SampleWorld create(ApiServices services, Storage storage) {
        String email = newEmail();
        User user = services.auth().register(email, PASSWORD, Optional.of("Ada"));
        AuthTokens tokens = services.auth().login(email, PASSWORD);
        String sessionId = services.accessTokens().verify(tokens.accessToken()).sessionId();

        Project created = services.projects().create(user.id(), "Todo app", "A todo list with due dates", ProjectSettings.defaults());
        // version 2, so that a sample can send version 1 as a stale one
        Project project = services.projects().update(user.id(), created.id(), created.version(),
                new ProjectChanges(Optional.of("Todo app v2"), Optional.empty(), Optional.empty(), Optional.empty()));
        write(storage, project.id(), "README.md", "# Hello");
        write(storage, project.id(), "src/app/[id]/page.tsx", "export {}");
        write(storage, project.id(), "public/index.html", "<script>alert(1)</script>");

        // Ownership is only the project's owner id, so the other user needs no account (which saves a
        // registration per sample). Their project holds a README.md too: a 404 for it is the owner check,
        // not a missing file.
        Project theirs = services.projects().create(Ids.newId(User.ID_PREFIX), "Bob's app", "", ProjectSettings.defaults());
        write(storage, theirs.id(), "README.md", "# Bob's");

        // an API key with every scope, someone else's key, stored LLM keys (the user's openai, the
        // project's anthropic override), $5 of credit, and an administrator
        IssuedApiKey apiKey = services.apiKeys().create(user.id(), "sample", EnumSet.allOf(ApiScope.class), Optional.empty());
        IssuedApiKey theirKey = services.apiKeys().create(theirs.ownerId(), "theirs", EnumSet.of(ApiScope.PROJECTS_READ), Optional.empty());
        services.llmKeys().put(LlmKeyOwner.user(user.id()), Provider.OPENAI, OWN_LLM_KEY, Optional.empty());
        services.llmKeys().put(LlmKeyOwner.project(project.id()), Provider.ANTHROPIC, PROJECT_LLM_KEY, Optional.empty());
        services.credit().topUp(user.id(), 5 * Money.MICROS_PER_USD, "sample credit", "usr_sampleadmin");
        String adminId = services.users().findByEmail(ADMIN_EMAIL)
                .orElseGet(() -> registerAdmin(services)).id();

        Map<String, String> placeholders = Map.ofEntries(
                Map.entry("apiKeyId", apiKey.key().id()),
                Map.entry("apiKeySecret", apiKey.secret()),
                Map.entry("otherApiKeyId", theirKey.key().id()),
                Map.entry("adminUserId", adminId),
                Map.entry("userId", user.id()),
                Map.entry("sessionId", sessionId),
                Map.entry("email", email),
                Map.entry("accessToken", tokens.accessToken()),
                Map.entry("refreshToken", tokens.refreshToken()),
                Map.entry("projectId", project.id()),
                Map.entry("otherProjectId", theirs.id()),
                Map.entry("newEmail", newEmail()),
                Map.entry("oversizeText", "a".repeat(services.config().api().maxJsonBodyBytes())));
        return new SampleWorld(placeholders, List.of(PASSWORD, tokens.accessToken(), tokens.refreshToken(), apiKey.secret(),
                theirKey.secret(), OWN_LLM_KEY, PROJECT_LLM_KEY));
    }

    /** Concurrent first samples could both try; the loser reads the winner's account. */
    private static synchronized User registerAdmin(ApiServices services) {
        return services.users().findByEmail(ADMIN_EMAIL)
                .orElseGet(() -> services.auth().register(ADMIN_EMAIL, PASSWORD, Optional.of("Admin")));
    }

    private static String newEmail() {
        return "u" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
    }

    private static void write(Storage storage, String projectId, String path, String content) {
        storage.files().create(projectId, WorkspacePath.of(path), storage.blobs().put(content.getBytes(StandardCharsets.UTF_8)));
    }
}
