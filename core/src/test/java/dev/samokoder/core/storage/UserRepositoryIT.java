package dev.samokoder.core.storage;

import dev.samokoder.core.domain.Ids;
import dev.samokoder.core.domain.User;
import dev.samokoder.core.testing.LocalAwsExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(LocalAwsExtension.class)
class UserRepositoryIT {

    private static String uniqueEmail() {
        return Ids.newId("u") + "@example.com";
    }

    @Test
    void create_thenFindByIdAndByEmailInAnyCase(Storage storage) {
        String email = uniqueEmail();

        User user = storage.users().create("  " + email.toUpperCase() + " ", "Ada", "$argon2id$stand-in");

        assertThat(user.email()).isEqualTo(email);
        assertThat(storage.users().findById(user.id())).contains(user);
        assertThat(storage.users().findByEmail(email.toUpperCase())).contains(user);
        assertThat(storage.users().findByEmail("not an email")).isEmpty();
    }

    @Test
    void create_withTakenEmail_failsAndWritesNothing(Storage storage) {
        String email = uniqueEmail();
        User first = storage.users().create(email, "First", "h1");

        assertThatThrownBy(() -> storage.users().create(email.toUpperCase(), "Second", "h2"))
                .isInstanceOf(EmailAlreadyRegisteredException.class);
        assertThat(storage.users().findByEmail(email)).contains(first);
    }

    @Test
    void concurrentSignUpsWithOneEmail_exactlyOneAccountIsCreated(Storage storage) throws Exception {
        String email = uniqueEmail();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<User>> attempts = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < 4; i++) {
                String name = "racer" + i;
                attempts.add(pool.submit(() -> {
                    start.await();
                    return storage.users().create(email, name, "h");
                }));
            }
            start.countDown();
        }
        int created = 0;
        int refused = 0;
        for (Future<User> attempt : attempts) {
            try {
                attempt.get();
                created++;
            } catch (ExecutionException e) {
                assertThat(e.getCause()).isInstanceOfAny(EmailAlreadyRegisteredException.class, 
                        software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException.class);
                refused++;
            }
        }
        assertThat(created).isEqualTo(1);
        assertThat(refused).isEqualTo(3);
    }

    @Test
    void save_bumpsVersionAndRefusesStaleCopies(Storage storage) {
        User v1 = storage.users().create(uniqueEmail(), "Old", "h");
        User v2 = storage.users().save(v1.withDisplayName("New"));

        assertThat(v2.version()).isEqualTo(2);
        assertThat(storage.users().findById(v1.id()).orElseThrow().displayName()).isEqualTo("New");
        assertThatThrownBy(() -> storage.users().save(v1.withPasswordHash("h2")))
                .isInstanceOf(VersionConflictException.class);
    }
}
