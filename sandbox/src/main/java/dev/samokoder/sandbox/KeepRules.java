package dev.samokoder.sandbox;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Ordered keep/drop rules for changed files: the first rule whose glob matches decides, and a
 * file no rule matches is kept. The defaults drop what installs, builds and tools regenerate
 * (dependency folders, virtualenvs, build output, coverage, caches), at the root or in a sub-project
 * such as {@code frontend/}, and keep everything else, lockfiles included. An export leaves out what
 * they drop.
 */
public final class KeepRules {

    public static final KeepRules DEFAULTS = new KeepRules(List.of(
            KeepRule.drop("node_modules/**"),
            KeepRule.drop("**/node_modules/**"),
            KeepRule.drop(".npm/**"),
            KeepRule.drop(".cache/**"),
            KeepRule.drop("**/__pycache__/**"),
            KeepRule.drop(".venv/**"),
            KeepRule.drop("**/.venv/**"),
            KeepRule.drop("**/*.pyc"),
            KeepRule.drop("dist/**"),
            KeepRule.drop("**/dist/**"),
            KeepRule.drop("coverage/**"),
            KeepRule.drop("**/coverage/**"),
            KeepRule.drop(".pytest_cache/**"),
            KeepRule.drop("**/.pytest_cache/**")));

    private final List<KeepRule> rules;
    private final List<Pattern> patterns;

    public KeepRules(List<KeepRule> rules) {
        this.rules = List.copyOf(rules);
        this.patterns = this.rules.stream().map(rule -> Glob.toRegex(rule.pattern())).toList();
    }

    public boolean keeps(String path) {
        for (int i = 0; i < rules.size(); i++) {
            if (patterns.get(i).matcher(path).matches()) {
                return rules.get(i).action() == KeepRule.Action.KEEP;
            }
        }
        return true;
    }

    public List<KeepRule> rules() {
        return rules;
    }
}
