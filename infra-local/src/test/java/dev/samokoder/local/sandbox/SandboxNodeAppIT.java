package dev.samokoder.local.sandbox;

import dev.samokoder.core.domain.Ids;
import dev.samokoder.core.testing.LocalAws;
import dev.samokoder.core.testing.LocalAwsExtension;
import dev.samokoder.sandbox.RunRequest;
import dev.samokoder.sandbox.RunResult;
import dev.samokoder.sandbox.RunStore;
import dev.samokoder.services.wiring.TestWiring;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/** A tiny generated Node.js project, its snapshot in S3, `npm test` run by the local runner as the Executor would. */
@ExtendWith(LocalAwsExtension.class)
class SandboxNodeAppIT {

    private static final String PACKAGE_JSON = """
            {"name": "tiny-app", "version": "1.0.0", "private": true, "scripts": {"test": "node --test"}}
            """;
    private static final String SUM = "module.exports = (a, b) => a + b;\n";
    private static final String PASSING_TEST = """
            const test = require('node:test');
            const assert = require('node:assert');
            const sum = require('../sum');
            test('adds two numbers', () => assert.strictEqual(sum(2, 3), 5));
            """;
    private static final String FAILING_TEST = """
            const test = require('node:test');
            const assert = require('node:assert');
            const sum = require('../sum');
            test('subtracts by mistake', () => assert.strictEqual(sum(2, 3), -1));
            """;

    private static LocalSandbox sandbox;
    private static LocalAws aws;

    @BeforeAll
    static void start(LocalAws localAws) {
        aws = localAws;
        sandbox = LocalSandbox.create(TestWiring.of(aws.config().withSandbox(SandboxFixture.settings()), aws.clients(), Clock.systemUTC()));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static RunResult npmTest(Map<String, String> files) throws Exception {
        String project = Ids.newId("prj");
        String snapshot = Snapshots.store(aws, project, files);
        RunRequest request = new RunRequest(Ids.newId("sbx"), Ids.newId("run"), project, snapshot, List.of("npm", "test"), false,
                "", Map.of(), 60, false, null);
        return sandbox.run(request, Ids.newId("task"), null);
    }

    @Test
    void aPassingSuiteExitsZeroWithItsReport() throws Exception {
        // when
        RunResult result = npmTest(Map.of("package.json", PACKAGE_JSON, "sum.js", SUM, "test/sum.test.js", PASSING_TEST));

        // then
        assertThat(result.exitCode()).isZero();
        assertThat(result.signal()).isNull();
        assertThat(result.stdout().text()).contains("ok 1 - adds two numbers", "# pass 1", "# fail 0");
        assertThat(result.limitsHit().any()).isFalse();
    }

    @Test
    void aFailingSuiteExitsNonZeroWithTheFailure_andTheResultIsStored() throws Exception {
        // when
        RunResult result = npmTest(Map.of("package.json", PACKAGE_JSON, "sum.js", SUM,
                "test/sum.test.js", PASSING_TEST, "test/bug.test.js", FAILING_TEST));

        // then
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout().text()).contains("not ok", "subtracts by mistake", "# pass 1", "# fail 1");
        assertThat(new RunStore(aws.clients().s3(), aws.config().aws().bucketName()).getResult(result.id())).contains(result);
    }
}
