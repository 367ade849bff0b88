package dev.samokoder.core.storage;

import java.time.Instant;
import java.time.YearMonth;

/** The one place that spells key values: every repository builds keys here. */
public final class Keys {

    private Keys() {
    }

    public static Key user(String userId) {
        return new Key("USER#" + userId, "USER");
    }

    public static Key email(String normalizedEmail) {
        return new Key("EMAIL#" + normalizedEmail, "EMAIL");
    }

    public static Key project(String projectId) {
        return new Key("PROJECT#" + projectId, "PROJECT");
    }

    /** The owner's index entry of a project: sorts the owner's projects by creation time. */
    public static Key ownedProject(String ownerId, Instant createdAt, String projectId) {
        return new Key(userPartition(ownerId), OWNED_PROJECT_PREFIX + createdAt + "#" + projectId);
    }

    /** The project's index entry of a run: sorts the project's runs by start time. */
    public static Key projectRun(String projectId, Instant createdAt, String runId) {
        return new Key(projectPartition(projectId), PROJECT_RUN_PREFIX + createdAt + "#" + runId);
    }

    public static Key file(String projectId, String path) {
        return new Key(projectPartition(projectId), FILE_PREFIX + path);
    }

    public static Key session(String sessionId) {
        return new Key("SESSION#" + sessionId, "SESSION");
    }

    /** A refresh token, by the SHA-256 of its value (the value itself is never stored). */
    public static Key refreshToken(String sha256) {
        return new Key("REFRESH#" + sha256, "REFRESH");
    }

    /** Failed-login counter of an email (whether or not an account has it). */
    public static Key loginAttempts(String normalizedEmail) {
        return new Key("LOGIN#" + normalizedEmail, "LOGIN");
    }

    /** A rate-limit token bucket; the subject is {@code user#<id>} or {@code ip#<address>}. */
    public static Key rateBucket(String subject) {
        return new Key("RATE#" + subject, "RATE");
    }

    public static Key run(String runId) {
        return new Key(runPartition(runId), "RUN");
    }

    /** The project's one active run: created with the run, deleted when it ends. */
    public static Key activeRun(String projectId) {
        return new Key(projectPartition(projectId), "ACTIVE_RUN");
    }

    /** A run's timeline entry; the zero-padded sequence keeps them in order. */
    public static Key runEvent(String runId, long seq) {
        return new Key(runPartition(runId), RUN_EVENT_PREFIX + String.format("%012d", seq));
    }

    /** The counter that hands out a run's event sequence numbers. */
    public static Key runEventSequence(String runId) {
        return new Key(runPartition(runId), "EVENTSEQ");
    }

    /** One model call, under its run, in the order the calls started. */
    public static Key llmCall(String runId, Instant startedAt, String callId) {
        return new Key(runPartition(runId), LLM_CALL_PREFIX + startedAt + "#" + callId);
    }

    /** How many calls an agent has made in a run: numbers the calls (replay answers by this number). */
    public static Key llmAgentCallCounter(String runId, String agent) {
        return new Key(runPartition(runId), "LLMSEQ#" + agent);
    }

    /** Where an agent's step stands in its tool loop (by a hash of the step's name), while the step runs. */
    public static Key runStepLoop(String runId, String agent, String stepHash) {
        return new Key(runPartition(runId), "LOOP#" + agent + "#" + stepHash);
    }

    /** The app's spec as its last successful run left it: where a change request starts. */
    public static Key appSpec(String projectId) {
        return new Key(projectPartition(projectId), "APP#SPEC");
    }

    /** The app's architecture as its last successful run left it: a change request keeps it unless asked otherwise. */
    public static Key appArchitecture(String projectId) {
        return new Key(projectPartition(projectId), "APP#ARCHITECTURE");
    }

    /** What a project has spent and has reserved on model calls; its budget is checked against this. */
    public static Key projectLlmSpend(String projectId) {
        return new Key(projectPartition(projectId), "LLMSPEND");
    }

    /** What one agent has spent on a project's model calls. */
    public static Key projectAgentLlmSpend(String projectId, String agent) {
        return new Key(projectPartition(projectId), LLM_AGENT_SPEND_PREFIX + agent);
    }

    /** What a user has spent and has reserved on model calls in a calendar month (UTC); the monthly budget is checked against this. */
    public static Key userMonthLlmSpend(String userId, YearMonth month) {
        return new Key(userPartition(userId), "LLMSPEND#" + month);
    }

    /** The run's spec: the text and the assumptions it recorded. */
    public static Key runSpec(String runId) {
        return new Key(runPartition(runId), "SPEC");
    }

    /** A clarifying question of the run, numbered from 1. */
    public static Key runQuestion(String runId, int number) {
        return new Key(runPartition(runId), QUESTION_PREFIX + String.format("%02d", number));
    }

    /** The run's architecture: app type, stack, commands and dependencies. */
    public static Key runArchitecture(String runId) {
        return new Key(runPartition(runId), ARCHITECTURE_PREFIX);
    }

    /** One version of a run's architecture; the versions sort after the unversioned item of older runs. */
    public static Key runArchitecture(String runId, int version) {
        return new Key(runPartition(runId), ARCHITECTURE_PREFIX + "#V" + String.format("%03d", version));
    }

    /** The sort-key prefix of a run's architecture items, every version. */
    public static final String ARCHITECTURE_PREFIX = "ARCHITECTURE";

    /** A task of the run's plan, numbered from 1 in the order they are worked on. */
    public static Key runTask(String runId, int task) {
        return new Key(runPartition(runId), taskPrefix(task));
    }

    /** A step of a task (save a file or run a command), numbered from 1 within the task. */
    public static Key runTaskStep(String runId, int task, int step) {
        return new Key(runPartition(runId), taskStepPrefix(task) + String.format("%02d", step));
    }

    /** A fix iteration of a task, numbered from 1 within the task. */
    public static Key runTaskIteration(String runId, int task, int iteration) {
        return new Key(runPartition(runId), taskPrefix(task) + "#ITER#" + String.format("%02d", iteration));
    }

    /** An execution of a task's commands and tests in the sandbox, numbered from 1 within the task. */
    public static Key runTaskExecution(String runId, int task, int execution) {
        return new Key(runPartition(runId), taskPrefix(task) + "#EXEC#" + String.format("%02d", execution));
    }

    /** The sort-key prefix of one task's executions. */
    public static String taskExecutionPrefix(int task) {
        return taskPrefix(task) + "#EXEC#";
    }

    /** The sort-key prefix of one task's fix iterations. */
    public static String taskIterationPrefix(int task) {
        return taskPrefix(task) + "#ITER#";
    }

    /** The sort-key prefix of one task's steps (a query reads that task's steps only). */
    public static String taskStepPrefix(int task) {
        return taskPrefix(task) + "#STEP#";
    }

    private static String taskPrefix(int task) {
        return "TASK#" + String.format("%03d", task);
    }

    /** A webhook trigger, found by its id alone (the public delivery route names only the hook). */
    public static Key webhook(String hookId) {
        return new Key(webhookPartition(hookId), "HOOK");
    }

    /** The project's entry for one of its webhook triggers (lists a project's triggers). */
    public static Key projectWebhook(String projectId, String hookId) {
        return new Key(projectPartition(projectId), PROJECT_WEBHOOK_PREFIX + hookId);
    }

    /** A delivery to a webhook, sorted by when it arrived. */
    public static Key webhookDelivery(String hookId, Instant receivedAt, String deliveryId) {
        return new Key(webhookPartition(hookId), WEBHOOK_DELIVERY_PREFIX + receivedAt + "#" + deliveryId);
    }

    /** Marks a delivery id as seen, so the same delivery twice starts one run. */
    public static Key webhookDeliverySeen(String hookId, String deliveryId) {
        return new Key(webhookPartition(hookId), "SEEN#" + deliveryId);
    }

    /** The project's notification subscription (one URL per project). */
    public static Key notificationSubscription(String projectId) {
        return new Key(projectPartition(projectId), "NOTIFY");
    }

    public static String webhookPartition(String hookId) {
        return "HOOK#" + hookId;
    }

    public static final String PROJECT_WEBHOOK_PREFIX = "WEBHOOK#";
    public static final String WEBHOOK_DELIVERY_PREFIX = "DELIVERY#";

    /** An API key of a user, listed under the user; the secret itself is never stored. */
    public static Key apiKey(String userId, String keyId) {
        return new Key(userPartition(userId), API_KEY_PREFIX + keyId);
    }

    /** The lookup of an API key by the keyed hash (HMAC-SHA256) of its secret: what authentication reads. */
    public static Key apiKeyHash(String hmacHex) {
        return new Key("APIKEYHASH#" + hmacHex, "APIKEYHASH");
    }

    /** A one-time ticket to a project's live preview, by the SHA-256 of the ticket (never the ticket itself). */
    /** A project's live preview (at most one; a new one replaces it). */
    public static Key preview(String projectId) {
        return new Key("PROJECT#" + projectId, "PREVIEW");
    }

    public static Key previewTicket(String sha256Hex) {
        return new Key("PREVIEWTICKET#" + sha256Hex, "PREVIEWTICKET");
    }

    /** A stored (encrypted) LLM provider key of an owner: a user's partition, or a project's for a project override. */
    public static Key llmKey(String ownerPartition, String provider) {
        return new Key(ownerPartition, LLM_KEY_PREFIX + provider);
    }

    /** A user's prepaid credit: the balance and the number of ledger entries behind it. */
    public static Key creditBalance(String userId) {
        return new Key(userPartition(userId), "CREDIT");
    }

    /** One entry of a user's credit ledger (append-only), numbered from 1. */
    public static Key creditEntry(String userId, long seq) {
        return new Key(userPartition(userId), CREDIT_ENTRY_PREFIX + String.format("%012d", seq));
    }

    /** Marks a reference (a model call id) as charged once, so a retried charge is not a second one. */
    public static Key creditReference(String userId, String reference) {
        return new Key(userPartition(userId), "CREDIT#REF#" + reference);
    }

    /** A user's usage of one month on one project (runs, model calls and cost, sandbox time). */
    public static Key usage(String userId, YearMonth month, String projectId) {
        return new Key(userPartition(userId), usagePrefix(month) + projectId);
    }

    /** The sort-key prefix of a user's usage rows of one month. */
    public static String usagePrefix(YearMonth month) {
        return "USAGE#" + month + "#";
    }

    public static String runPartition(String runId) {
        return "RUN#" + runId;
    }

    public static final String RUN_EVENT_PREFIX = "EVENT#";
    public static final String QUESTION_PREFIX = "QUESTION#";

    public static String userPartition(String userId) {
        return "USER#" + userId;
    }

    public static String projectPartition(String projectId) {
        return "PROJECT#" + projectId;
    }

    public static final String OWNED_PROJECT_PREFIX = "OWNS#";
    public static final String FILE_PREFIX = "FILE#";
    public static final String PROJECT_RUN_PREFIX = "RUNOF#";
    public static final String LLM_CALL_PREFIX = "LLMCALL#";
    public static final String LLM_AGENT_SPEND_PREFIX = "LLMSPEND#AGENT#";
    public static final String API_KEY_PREFIX = "APIKEY#";
    public static final String LLM_KEY_PREFIX = "LLMKEY#";
    public static final String CREDIT_ENTRY_PREFIX = "CREDIT#ENTRY#";
}
