package dev.samokoder.workflow.agents;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many tests a test command ran, read from its output's summary line: node:test ({@code # tests 8},
 * {@code ℹ tests 8}), jest ({@code Tests: 3 passed, 3 total}), vitest ({@code Tests  3 passed (3)}), pytest
 * ({@code 3 passed, 1 failed in 0.12s}, {@code no tests ran}), unittest ({@code Ran 3 tests in 0.001s}) and mocha
 * ({@code 3 passing}). The last summary in the output counts (a tail ends with the test command's). Empty when no
 * known summary is there.
 */
final class TestCounts {

    private static final Pattern NODE_TEST = Pattern.compile("(?m)^\\s*(?:#|ℹ)\\s*tests (\\d+)\\s*$");
    private static final Pattern JEST = Pattern.compile("(?m)^Tests:\\s+.*?(\\d+) total\\s*$");
    private static final Pattern VITEST = Pattern.compile("(?m)^\\s*Tests\\s+.*\\((\\d+)\\)\\s*$");
    private static final Pattern UNITTEST = Pattern.compile("(?m)^Ran (\\d+) tests? in ");
    private static final Pattern PYTEST = Pattern.compile("(?m)^=+ (.+?) in [\\d.]+s(?: \\([^)]*\\))? =+\\s*$");
    private static final Pattern PYTEST_COUNT = Pattern.compile("(\\d+) (?:passed|failed|errors?|xfailed|xpassed)");
    private static final Pattern MOCHA = Pattern.compile("(?m)^\\s*(\\d+) passing\\b");

    private TestCounts() {
    }

    static OptionalInt ran(String output) {
        int at = -1;
        int count = 0;
        for (Pattern pattern : new Pattern[] {NODE_TEST, JEST, VITEST, UNITTEST, MOCHA}) {
            Matcher matcher = pattern.matcher(output);
            while (matcher.find()) {
                if (matcher.start() > at) {
                    at = matcher.start();
                    count = Integer.parseInt(matcher.group(1));
                }
            }
        }
        Matcher pytest = PYTEST.matcher(output);
        while (pytest.find()) {
            if (pytest.start() > at) {
                at = pytest.start();
                String summary = pytest.group(1);
                count = 0;
                Matcher counted = PYTEST_COUNT.matcher(summary);
                while (counted.find()) {
                    count += Integer.parseInt(counted.group(1));
                }
            }
        }
        return at < 0 ? OptionalInt.empty() : OptionalInt.of(count);
    }
}
