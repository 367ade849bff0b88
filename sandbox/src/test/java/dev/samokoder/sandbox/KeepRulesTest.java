package dev.samokoder.sandbox;

import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeepRulesTest {

    @Test
    void defaults_dropDependencyFoldersAndCaches_keepLockfilesAndSources() {
        // given
        KeepRules rules = KeepRules.DEFAULTS;

        // when / then
        assertThat(rules.keeps("node_modules/express/index.js")).isFalse();
        assertThat(rules.keeps("frontend/node_modules/react/index.js")).isFalse();
        assertThat(rules.keeps("app/__pycache__/main.cpython-311.pyc")).isFalse();
        assertThat(rules.keeps("package-lock.json")).isTrue();
        assertThat(rules.keeps("frontend/package-lock.json")).isTrue();
        assertThat(rules.keeps("src/index.js")).isTrue();
        assertThat(rules.keeps("dist/bundle.js")).isFalse();
        assertThat(rules.keeps("frontend/dist/assets/index-3f2a.js")).isFalse();
        assertThat(rules.keeps("coverage/lcov.info")).isFalse();
        assertThat(rules.keeps(".pytest_cache/v/cache/lastfailed")).isFalse();
        assertThat(rules.keeps("api/.venv/bin/python")).isFalse();
        assertThat(rules.keeps("src/distance.js")).isTrue();
        assertThat(rules.keeps("requirements.txt")).isTrue();
    }

    @Test
    void firstMatchingRuleDecides() {
        // given: keep one build output, drop the rest of dist
        KeepRules rules = new KeepRules(List.of(KeepRule.keep("dist/index.html"), KeepRule.drop("dist/**")));

        // when / then
        assertThat(rules.keeps("dist/index.html")).isTrue();
        assertThat(rules.keeps("dist/assets/app.js")).isFalse();
        assertThat(rules.keeps("src/app.js")).isTrue();
    }

    @Test
    void singleStarStaysInOneSegment_doubleStarCrossesThem() {
        // given
        KeepRules rules = new KeepRules(List.of(KeepRule.drop("*.log"), KeepRule.drop("**/tmp/**")));

        // when / then
        assertThat(rules.keeps("server.log")).isFalse();
        assertThat(rules.keeps("logs/server.log")).isTrue();
        assertThat(rules.keeps("tmp/x")).isFalse();
        assertThat(rules.keeps("a/b/tmp/c/d")).isFalse();
    }

    @Test
    void globCharactersOtherThanStarsAreLiteral() {
        // given
        KeepRules rules = new KeepRules(List.of(KeepRule.drop("a+b.(c)")));

        // when / then
        assertThat(rules.keeps("a+b.(c)")).isFalse();
        assertThat(rules.keeps("aab.(c)")).isTrue();
    }
}
