package dev.samokoder.services.billing;

import dev.samokoder.core.domain.User;
import dev.samokoder.core.storage.UserRepository;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who the administrators are: the users whose (normalized) email is in
 * {@code SAMOKODER_ADMIN_EMAILS}. Read from configuration so that becoming an administrator takes
 * an operator's change and a deploy, never an API call; an address nobody registered grants nothing.
 */
public final class Admins {

    private final UserRepository users;
    private final Set<String> emails;

    public Admins(UserRepository users, List<String> emails) {
        this.users = users;
        this.emails = emails.stream().map(email -> email.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    public boolean isAdmin(String userId) {
        return !emails.isEmpty() && users.findById(userId).map(User::email).filter(emails::contains).isPresent();
    }
}
