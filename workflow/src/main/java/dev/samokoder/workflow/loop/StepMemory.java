package dev.samokoder.workflow.loop;

import java.util.Map;
import java.util.Set;

/**
 * What the tools of one step remember across its rounds (and its invocations: it is part of the
 * loop's checkpoint): the files it has read, which it may then edit, the files it has written, and
 * the facts it started with.
 */
public interface StepMemory {

    Set<String> readPaths();

    Set<String> writtenPaths();

    void markRead(String path);

    void markWritten(String path);

    /** What the step knew when it first started (a file's content before the step changed it), kept across its invocations. */
    Map<String, String> facts();
}
