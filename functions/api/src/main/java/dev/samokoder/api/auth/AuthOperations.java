package dev.samokoder.api.auth;

import dev.samokoder.api.http.ApiException;
import dev.samokoder.api.http.ApiRequest;
import dev.samokoder.api.http.ApiResponse;
import dev.samokoder.api.http.Checks;
import dev.samokoder.core.domain.User;
import dev.samokoder.core.storage.UserRepository;
import dev.samokoder.services.auth.AuthService;
import dev.samokoder.services.auth.AuthTokens;
import java.time.Instant;
import java.util.Optional;

/** {@code /v1/auth/*} and {@code /v1/me}. */
public final class AuthOperations {

    private final AuthService auth;
    private final UserRepository users;

    public AuthOperations(AuthService auth, UserRepository users) {
        this.auth = auth;
        this.users = users;
    }

    public record RegisterRequest(String email, String password, String displayName) {
        public RegisterRequest {
            Checks.of().required("email", email).required("password", password)
                    .text("email", email, 3, 254, false)
                    .text("displayName", displayName, 0, AuthService.MAX_DISPLAY_NAME_LENGTH, false)
                    .done();
        }
    }

    public record LoginRequest(String email, String password) {
        public LoginRequest {
            Checks.of().required("email", email).required("password", password)
                    .text("email", email, 1, 254, false)
                    .text("password", password, 1, 1024, true)
                    .done();
        }
    }

    public record RefreshRequest(String refreshToken) {
        public RefreshRequest {
            Checks.of().required("refreshToken", refreshToken).text("refreshToken", refreshToken, 1, 256, false).done();
        }
    }

    public record UserView(String id, String email, String displayName, Instant createdAt) {
        static UserView of(User user) {
            return new UserView(user.id(), user.email(), user.displayName(), user.createdAt());
        }
    }

    public record TokensView(String tokenType, String accessToken, long expiresIn, Instant accessTokenExpiresAt,
                             String refreshToken, Instant refreshTokenExpiresAt, String userId) {
        static TokensView of(AuthTokens tokens) {
            return new TokensView("Bearer", tokens.accessToken(),
                    tokens.accessTokenExpiresAt().getEpochSecond() - tokens.accessTokenIssuedAt().getEpochSecond(),
                    tokens.accessTokenExpiresAt(), tokens.refreshToken(), tokens.refreshTokenExpiresAt(), tokens.userId());
        }

        @Override
        public String toString() {
            return "TokensView[userId=" + userId + "]";
        }
    }

    public ApiResponse register(ApiRequest request) {
        RegisterRequest body = request.body(RegisterRequest.class);
        User user = auth.register(body.email(), body.password(), Optional.ofNullable(body.displayName()));
        return ApiResponse.json(201, UserView.of(user)).withHeader("Location", "/v1/me");
    }

    public ApiResponse login(ApiRequest request) {
        LoginRequest body = request.body(LoginRequest.class);
        return ApiResponse.json(200, TokensView.of(auth.login(body.email(), body.password())));
    }

    public ApiResponse refresh(ApiRequest request) {
        RefreshRequest body = request.body(RefreshRequest.class);
        return ApiResponse.json(200, TokensView.of(auth.refresh(body.refreshToken())));
    }

    public ApiResponse logout(ApiRequest request) {
        auth.logout(request.body(RefreshRequest.class).refreshToken());
        return ApiResponse.noContent();
    }

    public ApiResponse me(ApiRequest request) {
        User user = users.findById(request.userId())
                .orElseThrow(() -> ApiException.unauthorized("the account no longer exists"));
        return ApiResponse.json(200, UserView.of(user));
    }
}
