package dev.samokoder.core.testing;

import java.nio.file.Path;

/**
 * Where a module's test log is (its {@code src/test/resources/logback-test.xml}): the directory
 * Surefire names in {@code samokoder.test.log.dir}. A JVM that a test starts itself does not get
 * that property and logs elsewhere, so it cannot truncate the file the tests read.
 */
public final class TestLogs {

    /** The directory logback-test.xml falls back to without the property. */
    private static final String CHILD_JVMS = "target/test-logs/child-jvms";

    private TestLogs() {
    }

    /** {@code <dir>/<module>.log}, e.g. {@code target/test-logs/api.log} under Surefire. */
    public static Path of(String module) {
        return Path.of(System.getProperty("samokoder.test.log.dir", CHILD_JVMS), module + ".log");
    }
}
