package dev.samokoder.sandbox;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A project's package cache kept by the runner around an execution's install ({@link RunPipeline}): restored before
 * the install, whose environment then points npm, pnpm, Yarn and pip at it, and saved after an install that
 * succeeded. The Fargate runner keeps it in S3 (its tasks start empty); the local runner has {@link #NONE} here,
 * because it binds its own per-project folder into the sandbox itself ({@code PackageCaches}).
 */
public interface PackageCache {

    /** No cache kept around the install. */
    PackageCache NONE = (projectId, workspace) -> Restored.NOTHING;

    /**
     * Makes the project's cache ready for an install in {@code workspace}. A cache that cannot be restored is an empty
     * one (logged), never a failed run.
     */
    Restored restore(String projectId, Path workspace);

    /** One install's cache, from its restore to the end of the install. */
    interface Restored extends AutoCloseable {

        Restored NOTHING = new Restored() {
            @Override
            public Map<String, String> environment() {
                return Map.of();
            }

            @Override
            public void save() {
            }

            @Override
            public void close() {
            }
        };

        /** The variables to add to the install's environment; empty: none. */
        Map<String, String> environment();

        /** After the install succeeded: keeps what it fetched for the project's next execution (logged, never thrown). */
        void save();

        /** The install is over: the cache's local folder is no longer needed. */
        @Override
        void close();
    }

    /**
     * The variables that point npm, pnpm, Yarn and pip at a cache folder: npm installs from it without asking the
     * registry again ({@code prefer-offline}), and nothing else of an install goes out (no audit, funding or update
     * requests).
     */
    static Map<String, String> environment(String folder) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("npm_config_cache", folder + "/npm");
        environment.put("npm_config_prefer_offline", "true");
        environment.put("npm_config_audit", "false");
        environment.put("npm_config_fund", "false");
        environment.put("npm_config_update_notifier", "false");
        environment.put("npm_config_store_dir", folder + "/pnpm");
        environment.put("YARN_CACHE_FOLDER", folder + "/yarn");
        environment.put("PIP_CACHE_DIR", folder + "/pip");
        return environment;
    }
}
