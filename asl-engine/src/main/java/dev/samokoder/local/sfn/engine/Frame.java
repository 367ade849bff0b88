package dev.samokoder.local.sfn.engine;

import dev.samokoder.local.sfn.asl.StateGraph;

/**
 * One running graph: the execution's top level, a Parallel branch or a Map iteration. {@code path} is a
 * stable name for it within the execution ("" at the top), from which checkpoint keys are derived.
 */
record Frame(String path, StateGraph graph, CancellationScope scope) {
}
