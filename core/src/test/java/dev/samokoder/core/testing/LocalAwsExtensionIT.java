package dev.samokoder.core.testing;

import dev.samokoder.core.aws.AwsClients;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The embedded stack starts once per test run (one test JVM), not once per test class: two test
 * classes, run as surefire runs a module's classes (one launcher session), get the same stack,
 * and only one is started.
 */
class LocalAwsExtensionIT {

    private static final List<LocalAws> SEEN = new CopyOnWriteArrayList<>();

    /** A test class of a module (run only through the launcher below: surefire skips nested classes). */
    @ExtendWith(LocalAwsExtension.class)
    static class OneTestClass {
        @Test
        void usesTheStack(LocalAws aws, AwsClients clients) {
            assertThat(clients).isSameAs(aws.clients());
            assertThat(clients.dynamoDb().listTables().tableNames()).contains(aws.config().aws().tableName());
            SEEN.add(aws);
        }
    }

    /** Another test class of the same module. */
    @ExtendWith(LocalAwsExtension.class)
    static class AnotherTestClass {
        @Test
        void usesTheStackToo(LocalAws aws) {
            SEEN.add(aws);
        }

        @Test
        void andAgain(LocalAws aws) {
            SEEN.add(aws);
        }
    }

    @Test
    void twoTestClassesShareOneStack() {
        // given
        SEEN.clear();
        int startsBefore = LocalAws.starts();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();

        // when: both classes run in one launcher session, as a module's test classes do in its JVM
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(OneTestClass.class), selectClass(AnotherTestClass.class))
                .build(), summary);

        // then
        TestExecutionSummary result = summary.getSummary();
        assertThat(result.getFailures()).isEmpty();
        assertThat(result.getTestsSucceededCount()).isEqualTo(3);
        assertThat(SEEN).hasSize(3).allSatisfy(aws -> assertThat(aws).isSameAs(SEEN.getFirst()));
        assertThat(LocalAws.starts() - startsBefore).isEqualTo(1);
    }
}
