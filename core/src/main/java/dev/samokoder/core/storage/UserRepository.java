package dev.samokoder.core.storage;

import dev.samokoder.core.domain.Email;
import dev.samokoder.core.domain.Ids;
import dev.samokoder.core.domain.User;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Users, and the email index that keeps one account per address. Creating a user writes both
 * items in one transaction, so two sign-ups with one email cannot both succeed.
 */
public final class UserRepository {

    static final String TYPE = "User";
    static final String EMAIL_TYPE = "UserEmail";

    private final SingleTable table;
    private final Clock clock;

    public UserRepository(SingleTable table, Clock clock) {
        this.table = table;
        this.clock = clock;
    }

    /** @throws EmailAlreadyRegisteredException if the (normalized) email is taken */
    public User create(String email, String displayName, String passwordHash) {
        Instant now = clock.instant();
        User user = new User(Ids.newId(User.ID_PREFIX), Email.normalize(email), displayName, passwordHash, now, now, 1);
        Key emailKey = Keys.email(user.email());
        var emailItem = Attributes.item(emailKey, EMAIL_TYPE, 1).string("userId", user.id()).build();
        table.transact(List.of(table.createOp(toItem(user)), table.createOp(emailItem)), (index, stored) -> index == 1
                ? new EmailAlreadyRegisteredException(emailKey)
                : new ItemAlreadyExistsException(Keys.user(user.id())));
        return user;
    }

    public Optional<User> findById(String userId) {
        return table.get(Keys.user(userId)).map(UserRepository::fromItem);
    }

    /** Looks the address up in its normalized form; an address that is not one finds nobody. */
    public Optional<User> findByEmail(String email) {
        String normalized;
        try {
            normalized = Email.normalize(email);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return table.get(Keys.email(normalized))
                .map(item -> Attributes.of(item).string("userId"))
                .flatMap(this::findById);
    }

    /**
     * Saves changes to a user read at {@code user.version()}. The email is not changed here (the
     * email index would have to move with it).
     *
     * @throws VersionConflictException if the user changed since it was read
     */
    public User save(User user) {
        User saved = new User(user.id(), user.email(), user.displayName(), user.passwordHash(),
                user.createdAt(), clock.instant(), user.version() + 1);
        table.replace(Keys.user(user.id()), toItem(saved), user.version());
        return saved;
    }

    private static Map<String, AttributeValue> toItem(User user) {
        return Attributes.item(Keys.user(user.id()), TYPE, user.version())
                .string("id", user.id())
                .string("email", user.email())
                .string("displayName", user.displayName())
                .string("passwordHash", user.passwordHash())
                .instant("createdAt", user.createdAt())
                .instant("updatedAt", user.updatedAt())
                .build();
    }

    private static User fromItem(Map<String, AttributeValue> item) {
        Attributes a = Attributes.of(item);
        return new User(a.string("id"), a.string("email"), a.string("displayName"), a.string("passwordHash"),
                a.instant("createdAt"), a.instant("updatedAt"), a.version());
    }
}
