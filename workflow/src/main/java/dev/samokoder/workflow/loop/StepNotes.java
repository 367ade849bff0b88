package dev.samokoder.workflow.loop;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** A {@link StepMemory} in memory: what a loop's state holds, and what a test of one tool needs. */
public class StepNotes implements StepMemory {

    private final Set<String> read = new LinkedHashSet<>();
    private final Set<String> written = new LinkedHashSet<>();
    private final Map<String, String> facts = new LinkedHashMap<>();

    @Override
    public Set<String> readPaths() {
        return read;
    }

    @Override
    public Set<String> writtenPaths() {
        return written;
    }

    @Override
    public void markRead(String path) {
        read.add(path);
    }

    @Override
    public void markWritten(String path) {
        written.add(path);
        read.add(path);
    }

    @Override
    public Map<String, String> facts() {
        return facts;
    }
}
