package dev.samokoder.sandbox;

/**
 * How a workflow step hands a sandbox run to a runner through {@code ecs:runTask.sync}, the same
 * on AWS and in the local engine: the request's S3 key (or the request itself) in the runner
 * container's environment, and tags the reaper reads.
 */
public final class SandboxTaskContract {

    /** The runner container's name in the task definition. */
    public static final String CONTAINER = "runner";
    /** S3 key of the {@link RunRequest} (see {@link RunStore#requestKey(String)}). */
    public static final String REQUEST_KEY_VARIABLE = "SAMOKODER_RUN_REQUEST_KEY";
    /** The request as JSON, for requests small enough for a container override (8 KiB in all). */
    public static final String REQUEST_VARIABLE = "SAMOKODER_RUN_REQUEST";
    public static final String RUN_ID_TAG = "samokoder:run-id";
    public static final String SANDBOX_RUN_ID_TAG = "samokoder:sandbox-run-id";
    public static final String EXECUTION_TAG = "samokoder:execution";
    public static final String TIME_LIMIT_TAG = "samokoder:time-limit-seconds";

    private SandboxTaskContract() {
    }
}
