package dev.samokoder.sandbox;

import java.io.IOException;

/**
 * Starts a command the way one runner isolates it: bubblewrap and cgroups locally, a plain child
 * process in the Fargate task (the task is the sandbox there).
 */
@FunctionalInterface
public interface CommandLauncher {

    /**
     * Called on the thread that will wait for the process until it ends: bubblewrap ties the
     * sandbox's life to that thread ({@code --die-with-parent}).
     */
    LaunchedCommand launch(CommandSpec spec) throws IOException;
}
