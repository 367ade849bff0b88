package dev.samokoder.shared.sandbox;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Ordered keep/drop rules for changed files: the first rule whose glob matches decides, and a
 * file no rule matches is kept. The defaults drop what installs and tools regenerate (dependency
 * folders, caches) and keep everything else, lockfiles included.
 */
public final class KeepRules {

    public static final KeepRules DEFAULTS = new KeepRules(List.of(
            KeepRule.drop("node_modules/**"),
            KeepRule.drop("**/node_modules/**"),
            KeepRule.drop(".npm/**"),
            KeepRule.drop(".cache/**"),
            KeepRule.drop("**/__pycache__/**"),
            KeepRule.drop(".venv/**"),
            KeepRule.drop("**/*.pyc")));

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
