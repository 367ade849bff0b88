package dev.samokoder.api.http;

import dev.samokoder.core.blob.BlobNotFoundException;
import dev.samokoder.core.blob.BlobTooLargeException;
import dev.samokoder.core.http.Problem;
import dev.samokoder.core.storage.EmailAlreadyRegisteredException;
import dev.samokoder.core.storage.InvalidCursorException;
import dev.samokoder.core.storage.ItemNotFoundException;
import dev.samokoder.core.storage.VersionConflictException;
import dev.samokoder.services.imports.ImportRefusedException;
import dev.samokoder.services.imports.UploadNotFoundException;
import dev.samokoder.services.preview.PreviewNotFoundException;
import dev.samokoder.services.preview.PreviewUnavailableException;
import dev.samokoder.core.validation.ValidationException;
import dev.samokoder.sandbox.SnapshotNotFoundException;
import dev.samokoder.services.apikeys.ApiKeyNotFoundException;
import dev.samokoder.services.apikeys.ApiKeyQuotaExceededException;
import dev.samokoder.services.apikeys.ApiKeyRevokedException;
import dev.samokoder.services.apikeys.TooManyApiKeysException;
import dev.samokoder.services.auth.InvalidCredentialsException;
import dev.samokoder.services.auth.InvalidRefreshTokenException;
import dev.samokoder.services.auth.LoginLockedException;
import dev.samokoder.services.billing.CreditLedgerBusyException;
import dev.samokoder.services.billing.InsufficientCreditException;
import dev.samokoder.services.llmkeys.LlmKeyNotFoundException;
import dev.samokoder.services.notifications.NotificationNotFoundException;
import dev.samokoder.services.notifications.RefusedDestinationException;
import dev.samokoder.services.projects.ProjectNotFoundException;
import dev.samokoder.services.runs.ActiveRunExistsException;
import dev.samokoder.services.runs.QuestionNotFoundException;
import dev.samokoder.services.runs.RunNotFoundException;
import dev.samokoder.services.runs.RunStateException;
import dev.samokoder.services.runs.TaskNotFoundException;
import dev.samokoder.services.webhooks.InvalidSignatureException;
import dev.samokoder.services.webhooks.StaleSignatureException;
import dev.samokoder.services.webhooks.TooManyWebhooksException;
import dev.samokoder.services.webhooks.WebhookNotFoundException;
import dev.samokoder.services.workspace.FileNotInSnapshotsException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The one mapping from what went wrong to the problem the client gets. Unknown errors are 500s without detail. */
final class Problems {

    /** A problem, for 429s when to retry, and any header the answer needs (a Bearer challenge). */
    record Mapped(Problem problem, Duration retryAfter, Map<String, String> headers) {

        Mapped(Problem problem, Duration retryAfter) {
            this(problem, retryAfter, Map.of());
        }
    }

    private Problems() {
    }

    static Mapped of(Throwable error, String requestId) {
        return switch (error) {
            case ApiException e -> new Mapped(e.problem(), e.retryAfter(), e.headers());
            case ValidationException e -> plain(Problem.of("validation", "Invalid request", 400,
                    "the request has " + e.errors().size() + " invalid field(s)")
                    .with("errors", e.errors().stream().map(f -> Map.of("field", f.field(), "message", f.message())).toList()));
            case InvalidCursorException e -> plain(Problem.of("validation", "Invalid request", 400, e.getMessage())
                    .with("errors", List.of(Map.of("field", "cursor", "message", "is not a cursor of this listing"))));
            case InvalidPathException e -> plain(Problem.of("invalid-path", "Invalid path", 400, e.getMessage()));
            case ProjectNotFoundException e -> plain(Problem.of("not-found", "Not found", 404, e.getMessage()));
            case RunNotFoundException e -> plain(Problem.of("not-found", "Not found", 404, e.getMessage()));
            case QuestionNotFoundException e -> plain(Problem.of("not-found", "Not found", 404, e.getMessage()));
            case TaskNotFoundException e -> plain(Problem.of("not-found", "Not found", 404, e.getMessage()));
            case SnapshotNotFoundException e -> plain(Problem.of("not-found", "Not found", 404, e.getMessage()));
            case FileNotInSnapshotsException e -> plain(Problem.of("not-found", "Not found", 404, e.getMessage()));
            case ActiveRunExistsException e -> plain(Problem.of("active-run", "A run is in progress", 409,
                    "the project has an active run; wait for it to end, or cancel it").with("activeRunId", e.activeRunId()));
            case ImportRefusedException e -> plain(Problem.of(e.reason().problemType(), importTitle(e.reason()),
                    e.reason() == ImportRefusedException.Reason.TOO_LARGE || e.reason() == ImportRefusedException.Reason.FILE_TOO_LARGE
                            ? 413 : 400, e.getMessage() + "; nothing was imported"));
            case UploadNotFoundException e -> plain(Problem.of("not-found", "Not found", 404, e.getMessage()));
            case PreviewNotFoundException e -> plain(Problem.of("not-found", "Not found", 404, e.getMessage()));
            case PreviewUnavailableException e -> plain(Problem.of("preview-unavailable", "No preview possible", 409, e.getMessage()));
            case RunStateException e -> plain(Problem.of("run-state", "Not possible in the run's state", 409, e.getMessage()));
            case ItemNotFoundException e -> plain(Problem.of("not-found", "Not found", 404, "it no longer exists"));
            case BlobNotFoundException e -> plain(Problem.of("not-found", "Not found", 404, "the file's content is missing"));
            case VersionConflictException e -> plain(withCurrentVersion(Problem.of("version-conflict", "Version conflict", 409,
                    "it was changed since you read it (you sent version " + e.expectedVersion() + "); reload and apply your change again"), e));
            case EmailAlreadyRegisteredException e -> plain(Problem.of("email-taken", "Email already registered", 409,
                    "an account with this email exists; sign in instead"));
            case InvalidCredentialsException e -> plain(Problem.of("invalid-credentials", "Invalid credentials", 401,
                    "the email or the password is wrong"));
            case LoginLockedException e -> new Mapped(Problem.of("login-locked", "Too many failed logins", 429, e.getMessage()),
                    e.retryAfter());
            case InvalidRefreshTokenException e -> plain(Problem.of("invalid-refresh-token", "Invalid refresh token", 401,
                    "sign in again"));
            case InvalidSignatureException e -> plain(Problem.of("invalid-signature", "Invalid signature", 401,
                    "no such hook, or the request's signature is missing or does not match its body"));
            case StaleSignatureException e -> plain(Problem.of("stale-signature", "Stale signature", 401, e.getMessage()));
            case WebhookNotFoundException e -> plain(Problem.of("not-found", "Not found", 404, e.getMessage()));
            case NotificationNotFoundException e -> plain(Problem.of("not-found", "Not found", 404, e.getMessage()));
            case TooManyWebhooksException e -> plain(Problem.of("too-many-webhooks", "Too many webhooks", 409, e.getMessage()));
            case RefusedDestinationException e -> plain(Problem.of("validation", "Invalid request", 400,
                    "the request has 1 invalid field(s)").with("errors", List.of(Map.of("field", "url", "message", e.getMessage()))));
            case BlobTooLargeException e -> plain(Problem.of("payload-too-large", "Payload too large", 413, e.getMessage()));
            case ApiKeyNotFoundException e -> plain(Problem.of("not-found", "Not found", 404, e.getMessage()));
            case LlmKeyNotFoundException e -> plain(Problem.of("not-found", "Not found", 404, e.getMessage()));
            case TooManyApiKeysException e -> plain(Problem.of("api-key-limit", "Too many API keys", 409, e.getMessage())
                    .with("limit", e.limit()));
            case ApiKeyQuotaExceededException e -> new Mapped(Problem.of("quota-exceeded", "Monthly quota reached", 429,
                    e.getMessage() + "; it works again when the next month (UTC) begins").with("quota", e.quota()), e.retryAfter());
            case ApiKeyRevokedException e -> {
                ApiException invalid = ApiException.invalidToken(e.getMessage(), false);
                yield new Mapped(invalid.problem(), null, invalid.headers());
            }
            case InsufficientCreditException e -> plain(Problem.of("insufficient-credit", "Insufficient credit", 402,
                    e.getMessage() + ". Top up: ask an administrator to add credit to your account (POST /v1/admin/users/{userId}/credit),"
                            + " or store your own provider key (PUT /v1/llm-keys/{provider}) so runs use it instead")
                    .with("balanceUsd", e.balanceUsd()));
            case CreditLedgerBusyException e -> new Mapped(Problem.of("busy", "Busy", 503, "too many changes to this account at once; try again"),
                    Duration.ofSeconds(1));
            default -> plain(Problem.of("internal", "Internal error", 500,
                    "something failed on our side; quote request " + requestId + " if you report it"));
        };
    }

    private static String importTitle(ImportRefusedException.Reason reason) {
        return switch (reason) {
            case NOT_A_ZIP -> "Not a zip archive";
            case PATH_TRAVERSAL -> "A path climbs out of the project";
            case ABSOLUTE_PATH -> "An absolute path";
            case SYMLINK_ESCAPES -> "A link out of the project";
            case INVALID_PATH -> "A path a project cannot hold";
            case TOO_LARGE -> "Archive too large";
            case FILE_TOO_LARGE -> "A file too large";
            case TOO_MANY_FILES -> "Too many files";
        };
    }

    private static Problem withCurrentVersion(Problem problem, VersionConflictException e) {
        return e.currentVersion().isPresent() ? problem.with("currentVersion", e.currentVersion().getAsLong()) : problem;
    }

    private static Mapped plain(Problem problem) {
        return new Mapped(problem, null);
    }
}
