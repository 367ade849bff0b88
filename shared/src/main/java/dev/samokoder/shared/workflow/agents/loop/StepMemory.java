package dev.samokoder.shared.workflow.agents.loop;

import java.util.Set;

/**
 * What the tools of one step remember across its rounds (and its invocations: it is part of the
 * loop's checkpoint): the files it has read, which it may then edit, and the files it has written.
 */
public interface StepMemory {

    Set<String> readPaths();

    Set<String> writtenPaths();

    void markRead(String path);

    void markWritten(String path);
}
