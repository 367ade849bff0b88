package dev.samokoder.services.runs;

/**
 * Told when a run reaches a moment its owner may want to hear about (outgoing webhook
 * notifications). Implementations queue the delivery and return at once; they never fail the
 * workflow step that calls them.
 */
public interface RunNotifier {

    /** The moments a user can subscribe a URL to. */
    enum Moment { RUN_SUCCEEDED, RUN_FAILED, QUESTION_ASKED }

    /** Tells nobody (no subscription store configured). */
    RunNotifier NONE = (run, moment) -> { };

    void notify(Run run, Moment moment);
}
