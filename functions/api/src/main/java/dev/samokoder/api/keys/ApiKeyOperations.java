package dev.samokoder.api.keys;

import dev.samokoder.api.http.ApiRequest;
import dev.samokoder.api.http.ApiResponse;
import dev.samokoder.api.http.Checks;
import dev.samokoder.services.apikeys.ApiKey;
import dev.samokoder.services.apikeys.ApiKeyService;
import dev.samokoder.services.apikeys.ApiScope;
import dev.samokoder.services.apikeys.IssuedApiKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code /v1/api-keys}: keys for programs, made and revoked by a signed-in user (never by another key). */
public final class ApiKeyOperations {

    /** The longest a key may be made to last; without an expiry it lasts until revoked. */
    static final Duration MAX_LIFETIME = Duration.ofDays(730);

    public record CreateApiKey(String name, List<String> scopes, String expiresAt) {
        public CreateApiKey {
            Checks.of().required("name", name).required("scopes", scopes)
                    .text("name", name, 1, ApiKeyService.MAX_NAME_LENGTH, false)
                    .that(scopes == null || !scopes.isEmpty() && scopes.size() <= ApiScope.values().length, "scopes",
                            "must list 1 to " + ApiScope.values().length + " scopes")
                    .that(scopes == null || scopes.stream().allMatch(s -> s != null && ApiScope.fromWireName(s).isPresent()), "scopes",
                            "must be among projects:read, projects:write, runs:write, usage:read")
                    .text("expiresAt", expiresAt, 1, 40, false)
                    .done();
        }
    }

    public record UsageView(String month, long requests, long quota) {
    }

    public record ApiKeyView(String id, String name, String prefix, List<String> scopes, Instant createdAt, Instant expiresAt,
                             Instant lastUsedAt, UsageView usage) {
    }

    /** The answer to a create: the key's view and, this once, its secret. */
    public record CreatedApiKeyView(String id, String name, String prefix, List<String> scopes, Instant createdAt, Instant expiresAt,
                                    String key) {
        @Override
        public String toString() { // keeps the secret out of logs
            return "CreatedApiKeyView[id=" + id + "]";
        }
    }

    public record ApiKeyList(List<ApiKeyView> items) {
    }

    private final ApiKeyService keys;
    private final Clock clock;

    public ApiKeyOperations(ApiKeyService keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    public ApiResponse create(ApiRequest request) {
        CreateApiKey body = request.body(CreateApiKey.class);
        Optional<Instant> expiresAt = Optional.ofNullable(body.expiresAt()).map(this::expiry);
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        body.scopes().forEach(name -> scopes.add(ApiScope.fromWireName(name).orElseThrow()));
        IssuedApiKey issued = keys.create(request.userId(), body.name().strip(), scopes, expiresAt);
        ApiKey key = issued.key();
        return ApiResponse.json(201, new CreatedApiKeyView(key.id(), key.name(), key.prefix(), wire(key.scopes()), key.createdAt(),
                key.expiresAt().orElse(null), issued.secret()));
    }

    public ApiResponse list(ApiRequest request) {
        String month = YearMonth.from(clock.instant().atOffset(ZoneOffset.UTC)).toString();
        return ApiResponse.json(200, new ApiKeyList(keys.list(request.userId()).stream()
                .map(key -> new ApiKeyView(key.id(), key.name(), key.prefix(), wire(key.scopes()), key.createdAt(),
                        key.expiresAt().orElse(null), key.lastUsedAt().orElse(null),
                        new UsageView(month, key.usageMonth().filter(month::equals).isPresent() ? key.usageCount() : 0, keys.monthlyQuota())))
                .toList()));
    }

    public ApiResponse delete(ApiRequest request) {
        keys.revoke(request.userId(), request.pathParameter("keyId"));
        return ApiResponse.noContent();
    }

    private Instant expiry(String text) {
        Instant at;
        try {
            at = Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw dev.samokoder.core.validation.ValidationException.of("expiresAt", "must be a UTC timestamp such as 2027-01-31T00:00:00Z");
        }
        Instant now = clock.instant();
        Checks.of().that(at.isAfter(now), "expiresAt", "must be in the future")
                .that(!at.isAfter(now.plus(MAX_LIFETIME)), "expiresAt", "must be within " + MAX_LIFETIME.toDays() + " days")
                .done();
        return at;
    }

    private static List<String> wire(Set<ApiScope> scopes) {
        return scopes.stream().map(ApiScope::wireName).sorted().toList();
    }
}
