package dev.samokoder.local.sfn.engine;

import java.time.Instant;

/** One visit of one state: which frame, the checkpoint key of this visit, and when the state was entered. */
record Step(Frame frame, String key, String stateName, Instant enteredTime) {

    CancellationScope scope() {
        return frame.scope();
    }

    /** The frame path of nested graphs started by this visit, unique per retry attempt. */
    String nestedPath(int attempt, int index) {
        return key + "@" + attempt + "/" + index;
    }
}
