package dev.samokoder.core.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkspacePathTest {

    @ParameterizedTest
    @ValueSource(strings = {"README.md", "src/app/[id]/page.tsx", "a b/c (1).txt", ".env.example", "..hidden", "x/.config/y"})
    void acceptsOrdinaryRelativePaths(String path) {
        assertThat(WorkspacePath.of(path).value()).isEqualTo(path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/etc/passwd", "../secret", "a/../../b", "a/./b", "a//b", "a/", "..", ".",
            "a\\..\\b", "C:\\x", "nul\u0000byte", "line\nbreak"})
    void refusesPathsThatCouldLeaveTheWorkspaceOrAreAmbiguous(String path) {
        assertThatThrownBy(() -> WorkspacePath.of(path))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid path");
    }

    @org.junit.jupiter.api.Test
    void refusesOverlongAndOverdeepPaths() {
        assertThat(WorkspacePath.problem("a".repeat(256))).contains("segment");
        assertThat(WorkspacePath.problem("a/".repeat(40) + "b")).contains("deeper");
        assertThat(WorkspacePath.problem(("abcdefgh/").repeat(120) + "x")).contains("longer than");
    }
}
