package dev.samokoder.services.auth;

import dev.samokoder.core.domain.Email;
import dev.samokoder.core.domain.User;
import dev.samokoder.core.storage.UserRepository;
import dev.samokoder.core.validation.FieldError;
import dev.samokoder.core.validation.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Registration, login, token refresh and logout. */
public final class AuthService {

    private static final Logger log = LoggerFactory.getLogger(AuthService.class);
    public static final int MAX_DISPLAY_NAME_LENGTH = 100;

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final LoginThrottle throttle;
    private final Duration accessTokenTtl;

    public AuthService(UserRepository users, PasswordHasher hasher, PasswordPolicy policy, AccessTokens accessTokens,
                       Duration accessTokenTtl, RefreshTokens refreshTokens, LoginThrottle throttle) {
        this.users = users;
        this.hasher = hasher;
        this.policy = policy;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.throttle = throttle;
        this.accessTokenTtl = accessTokenTtl;
    }

    /**
     * @throws ValidationException with every problem of the email, password and name
     * @throws dev.samokoder.core.storage.EmailAlreadyRegisteredException if the email has an account
     */
    public User register(String email, String password, Optional<String> displayName) {
        List<FieldError> errors = new ArrayList<>();
        String normalized = null;
        try {
            normalized = Email.normalize(email);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("email", "must be an email address"));
        }
        if (password == null) {
            errors.add(new FieldError("password", "is required"));
        } else {
            policy.violations(password, normalized == null ? "" : normalized)
                    .forEach(message -> errors.add(new FieldError("password", message)));
        }
        String name = displayName.map(String::strip).filter(n -> !n.isEmpty())
                .orElse(normalized == null ? "" : normalized.substring(0, normalized.indexOf('@')));
        if (name.length() > MAX_DISPLAY_NAME_LENGTH || name.codePoints().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError("displayName", "must be at most " + MAX_DISPLAY_NAME_LENGTH + " characters, without control characters"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        User user = users.create(normalized, name, hasher.hash(password));
        log.info("user {} registered", user.id());
        return user;
    }

    /**
     * @throws LoginLockedException while the email is locked after too many failures
     * @throws InvalidCredentialsException for an unknown email or a wrong password, alike
     */
    public AuthTokens login(String email, String password) {
        String normalized;
        try {
            normalized = Email.normalize(email);
        } catch (IllegalArgumentException e) {
            hasher.spendVerifyTime(password == null ? "" : password);
            throw new InvalidCredentialsException();
        }
        Optional<Duration> locked = throttle.lockedFor(normalized);
        if (locked.isPresent()) {
            throw new LoginLockedException(locked.get());
        }
        Optional<User> user = users.findByEmail(normalized);
        boolean valid;
        if (user.isPresent()) {
            valid = password != null && hasher.verify(password, user.get().passwordHash());
        } else {
            hasher.spendVerifyTime(password == null ? "" : password);
            valid = false;
        }
        if (!valid) {
            throttle.recordFailure(normalized);
            log.info("failed login");
            throw new InvalidCredentialsException();
        }
        throttle.reset(normalized);
        User current = user.get();
        if (hasher.needsRehash(current.passwordHash())) {
            users.save(current.withPasswordHash(hasher.hash(password)));
        }
        log.info("user {} logged in", current.id());
        return tokensFor(refreshTokens.startSession(current.id()));
    }

    /** @throws InvalidRefreshTokenException when the token cannot be used (reuse revokes its session) */
    public AuthTokens refresh(String refreshToken) {
        return tokensFor(refreshTokens.rotate(refreshToken));
    }

    /** Ends the session of the refresh token; an unknown token is already logged out. */
    public void logout(String refreshToken) {
        refreshTokens.revokeSessionOf(refreshToken);
    }

    private AuthTokens tokensFor(IssuedRefreshToken refresh) {
        IssuedAccessToken access = accessTokens.issue(refresh.userId(), refresh.sessionId());
        return new AuthTokens(refresh.userId(), access.token(), access.expiresAt().minus(accessTokenTtl), access.expiresAt(),
                refresh.token(), refresh.expiresAt());
    }
}
