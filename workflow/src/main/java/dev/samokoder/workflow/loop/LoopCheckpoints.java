package dev.samokoder.workflow.loop;

import dev.samokoder.core.blob.BlobRef;
import dev.samokoder.core.blob.BlobStore;
import dev.samokoder.core.storage.Attributes;
import dev.samokoder.core.storage.Key;
import dev.samokoder.core.storage.Keys;
import dev.samokoder.core.storage.SingleTable;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Where a step's loop is saved between rounds: the conversation as a blob in S3 (it can be far
 * larger than a DynamoDB item or the state machine's 256 KB state) and a small item in the run's
 * partition pointing at it, written under optimistic locking. The item goes when the step ends.
 */
public final class LoopCheckpoints {

    static final String TYPE = "StepLoop";

    private final SingleTable table;
    private final BlobStore blobs;

    public LoopCheckpoints(SingleTable table, BlobStore blobs) {
        this.table = table;
        this.blobs = blobs;
    }

    /** A saved loop and the version it was saved at. */
    record Saved(LoopState state, long version) {
    }

    Optional<Saved> load(String runId, String agent, String step) {
        return table.get(key(runId, agent, step)).map(Attributes::of)
                .map(a -> new Saved(LoopState.fromJson(blobs.get(a.string("sha256"))), a.version()));
    }

    /** @return the version now saved */
    long save(String runId, String agent, String step, LoopState state, long version) {
        BlobRef blob = blobs.put(state.toJson());
        Key key = key(runId, agent, step);
        var item = Attributes.item(key, TYPE, version + 1)
                .string("agent", agent)
                .string("step", step)
                .number("rounds", state.rounds)
                .string("sha256", blob.sha256())
                .number("size", blob.size())
                .build();
        if (version == 0) {
            table.create(key, item);
        } else {
            table.replace(key, item, version);
        }
        return version + 1;
    }

    void delete(String runId, String agent, String step, long version) {
        if (version > 0) {
            table.delete(key(runId, agent, step), version);
        }
    }

    static Key key(String runId, String agent, String step) {
        return Keys.runStepLoop(runId, agent, BlobStore.sha256(step.getBytes(StandardCharsets.UTF_8)).substring(0, 24));
    }
}
