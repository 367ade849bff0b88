package dev.samokoder.workflow.agents;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestCountsTest {

    @Test
    void readsTheSummaryOfEachKnownRunner() {
        assertThat(TestCounts.ran("ok 1 - adds\n1..8\n# tests 8\n# suites 0\n# pass 8\n")).isEqualTo(OptionalInt.of(8));
        assertThat(TestCounts.ran("✔ adds (1.2ms)\nℹ tests 0\nℹ suites 0\nℹ pass 0\n")).isEqualTo(OptionalInt.of(0));
        assertThat(TestCounts.ran("Test Suites: 1 passed, 1 total\nTests:       2 failed, 3 passed, 5 total\n")).isEqualTo(OptionalInt.of(5));
        assertThat(TestCounts.ran(" Test Files  1 passed (1)\n      Tests  4 passed (4)\n")).isEqualTo(OptionalInt.of(4));
        assertThat(TestCounts.ran("....\n===== 3 passed, 1 failed in 0.12s =====\n")).isEqualTo(OptionalInt.of(4));
        assertThat(TestCounts.ran("===== no tests ran in 0.01s =====\n")).isEqualTo(OptionalInt.of(0));
        assertThat(TestCounts.ran("----\nRan 0 tests in 0.000s\n\nNO TESTS RAN\n")).isEqualTo(OptionalInt.of(0));
        assertThat(TestCounts.ran("  3 passing (12ms)\n")).isEqualTo(OptionalInt.of(3));
    }

    @Test
    void theLastSummaryCounts_andNoSummaryIsNoCount() {
        assertThat(TestCounts.ran("# tests 2\n... later ...\nRan 0 tests in 0.000s\n")).isEqualTo(OptionalInt.of(0));
        assertThat(TestCounts.ran("server listening on 3000\nall good\n")).isEmpty();
    }
}
