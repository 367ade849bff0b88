package dev.samokoder.local.sfn.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Stores everything as files under a data directory, so a kill -9 never leaves a half-written record:
 * <ul>
 *   <li>{@code state-machines/<name>.json} and {@code executions/<arn>/execution.json} are replaced by
 *       writing a temporary file, fsyncing it and renaming it over the old one;</li>
 *   <li>{@code executions/<arn>/journal.jsonl} holds history events and checkpoints, one JSON object per
 *       line, appended with a single write and fsynced; a torn last line is ignored on reading.</li>
 * </ul>
 */
public final class FileExecutionStore implements ExecutionStore {

    private static final String JOURNAL = "journal.jsonl";
    private static final String EXECUTION = "execution.json";

    private final Path stateMachineDir;
    private final Path executionDir;
    private final boolean fsync;
    private final Map<String, ExecutionRecord> executions = new ConcurrentHashMap<>();
    private final Map<String, FileChannel> journals = new ConcurrentHashMap<>();

    /** @param fsync false trades crash safety for speed (benchmarks only) */
    public FileExecutionStore(Path dataDir, boolean fsync) {
        this.stateMachineDir = dataDir.resolve("state-machines");
        this.executionDir = dataDir.resolve("executions");
        this.fsync = fsync;
        try {
            Files.createDirectories(stateMachineDir);
            Files.createDirectories(executionDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + dataDir, e);
        }
        loadExecutions();
        stateMachines(); // reads every file now, so that a damaged one is reported at start, not on first use
    }

    public FileExecutionStore(Path dataDir) {
        this(dataDir, true);
    }

    @Override
    public void putStateMachine(StateMachineRecord stateMachine) {
        writeAtomically(stateMachineDir.resolve(fileName(stateMachine.name()) + ".json"), StoreCodec.stateMachine(stateMachine));
    }

    @Override
    public Optional<StateMachineRecord> stateMachine(String arn) {
        return stateMachines().stream().filter(sm -> sm.arn().equals(arn)).findFirst();
    }

    @Override
    public List<StateMachineRecord> stateMachines() {
        try (Stream<Path> files = Files.list(stateMachineDir)) {
            return files.filter(f -> f.toString().endsWith(".json"))
                    .map(f -> StoreCodec.stateMachine(readJson(f)))
                    .sorted(Comparator.comparing(StateMachineRecord::creationDate))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void deleteStateMachine(String arn) {
        stateMachine(arn).ifPresent(sm -> {
            try {
                Files.deleteIfExists(stateMachineDir.resolve(fileName(sm.name()) + ".json"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public void putExecution(ExecutionRecord execution) {
        Path dir = executionDir.resolve(fileName(execution.arn()));
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        writeAtomically(dir.resolve(EXECUTION), StoreCodec.execution(execution));
        executions.put(execution.arn(), execution);
        if (execution.status().isFinal()) {
            closeJournal(execution.arn());
        }
    }

    @Override
    public Optional<ExecutionRecord> execution(String arn) {
        return Optional.ofNullable(executions.get(arn));
    }

    @Override
    public List<ExecutionRecord> executions() {
        return executions.values().stream().sorted(Comparator.comparing(ExecutionRecord::startDate)).toList();
    }

    @Override
    public void appendHistory(String executionArn, HistoryEvent event) {
        append(executionArn, StoreCodec.event(event));
    }

    @Override
    public List<HistoryEvent> history(String executionArn) {
        return journal(executionArn).stream().filter(n -> "event".equals(n.path("kind").asText()))
                .map(StoreCodec::event).toList();
    }

    @Override
    public void appendCheckpoint(String executionArn, Checkpoint checkpoint) {
        append(executionArn, StoreCodec.checkpoint(checkpoint));
    }

    @Override
    public List<Checkpoint> checkpoints(String executionArn) {
        return journal(executionArn).stream().filter(n -> "checkpoint".equals(n.path("kind").asText()))
                .map(StoreCodec::checkpoint).toList();
    }

    @Override
    public void close() {
        journals.keySet().forEach(this::closeJournal);
    }

    /** How many journal files are open; for tests (an ended execution must not keep one). */
    int openJournals() {
        return journals.size();
    }

    /**
     * Appends one line. The journal of an ended execution is closed again right after, so the final
     * history event (written after the final execution record) does not leave a file open for good.
     */
    private void append(String executionArn, JsonNode record) {
        byte[] line = (record.toString() + "\n").getBytes(StandardCharsets.UTF_8);
        while (true) {
            FileChannel channel = journals.computeIfAbsent(executionArn, this::openJournal);
            synchronized (channel) {
                if (!channel.isOpen()) {
                    continue; // closed by closeJournal between the lookup and the lock: open it again
                }
                try {
                    ByteBuffer buffer = ByteBuffer.wrap(line);
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                    if (fsync) {
                        channel.force(false);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot append to the journal of " + executionArn, e);
                }
            }
            ExecutionRecord execution = executions.get(executionArn);
            if (execution != null && execution.status().isFinal()) {
                closeJournal(executionArn);
            }
            return;
        }
    }

    private FileChannel openJournal(String executionArn) {
        try {
            Path dir = executionDir.resolve(fileName(executionArn));
            Files.createDirectories(dir);
            Path journal = dir.resolve(JOURNAL);
            boolean torn = endsWithTornLine(journal);
            FileChannel channel = FileChannel.open(journal, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            if (torn) {
                channel.write(ByteBuffer.wrap(new byte[]{'\n'}));
            }
            return channel;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** After a crash mid-append, start the next record on a fresh line so the torn one stays isolated. */
    private static boolean endsWithTornLine(Path journal) throws IOException {
        if (!Files.exists(journal) || Files.size(journal) == 0) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(journal, StandardOpenOption.READ)) {
            ByteBuffer last = ByteBuffer.allocate(1);
            channel.read(last, channel.size() - 1);
            return last.get(0) != '\n';
        }
    }

    private void closeJournal(String executionArn) {
        FileChannel channel = journals.remove(executionArn);
        if (channel != null) {
            synchronized (channel) {
                try {
                    channel.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private List<JsonNode> journal(String executionArn) {
        Path file = executionDir.resolve(fileName(executionArn)).resolve(JOURNAL);
        if (!Files.exists(file)) {
            return List.of();
        }
        List<JsonNode> records = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                parseLine(line).ifPresent(records::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return records;
    }

    /** A line torn by a crash mid-append does not parse and is skipped; complete lines always parse. */
    private static Optional<JsonNode> parseLine(String line) {
        if (line.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(StoreCodec.JSON.readTree(line));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private void loadExecutions() {
        try (Stream<Path> dirs = Files.list(executionDir)) {
            dirs.map(dir -> dir.resolve(EXECUTION)).filter(Files::exists)
                    .map(f -> StoreCodec.execution(readJson(f)))
                    .forEach(e -> executions.put(e.arn(), e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeAtomically(Path target, JsonNode content) {
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(content.toString().getBytes(StandardCharsets.UTF_8));
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                if (fsync) {
                    channel.force(true);
                }
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            if (fsync) {
                syncDirectory(target.getParent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    private static void syncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /** A record file's JSON object; a file that is not one (cut short, overwritten) is reported by name. */
    private static JsonNode readJson(Path file) {
        try {
            JsonNode record = StoreCodec.JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            if (record == null || !record.isObject()) {
                throw new IOException("not a JSON object");
            }
            return record;
        } catch (IOException e) {
            String why = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
            throw new UncheckedIOException("cannot read " + file + " (damaged?): " + why, e);
        }
    }

    private static String fileName(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("*", "%2A");
    }
}
