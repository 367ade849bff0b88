package dev.samokoder.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment a sandboxed command starts with: a small fixed base plus the request's own
 * variables. Nothing of the runner's environment is passed on (on Fargate that holds the task's
 * credentials endpoint).
 */
public final class SandboxEnvironment {

    public static final String WORKSPACE = "/workspace";

    private SandboxEnvironment() {
    }

    public static Map<String, String> of(Map<String, String> requested) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        environment.put("HOME", "/tmp");
        environment.put("TMPDIR", "/tmp");
        environment.put("LANG", "C.UTF-8");
        environment.put("CI", "true"); // test runners and installers stay non-interactive
        environment.putAll(requested);
        return environment;
    }
}
