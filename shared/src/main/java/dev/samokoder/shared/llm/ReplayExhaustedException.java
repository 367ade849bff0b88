package dev.samokoder.shared.llm;

/** The replay transcript has no recorded response for this agent's call. */
public final class ReplayExhaustedException extends LlmException {

    public ReplayExhaustedException(String agent, int callIndex, int recorded) {
        super("the replay transcript has " + recorded + " response(s) for " + agent + ", call " + (callIndex + 1) + " was asked for");
    }

    @Override
    public String code() {
        return "replay_exhausted";
    }
}
