package dev.samokoder.shared.llm.ledger;

import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a run's model calls cost, in all and per agent.
 *
 * @param calls       settled calls (succeeded or failed)
 * @param refused     calls a budget refused
 * @param inFlight    calls still reserved (running, or cut off before they settled)
 * @param replayed    true when any answer came from a recorded transcript rather than a model
 */
public record RunCost(String runId, BigDecimal totalUsd, long calls, long refused, long inFlight,
                      Map<String, AgentCost> byAgent, boolean replayed) {

    public RunCost {
        byAgent = Map.copyOf(byAgent);
    }

    /** One line for a run summary; it always says when the answers were replayed. */
    public String summary() {
        String agents = byAgent.values().stream()
                .sorted((a, b) -> a.agent().compareTo(b.agent()))
                .map(a -> a.agent() + " $" + a.costUsd().toPlainString())
                .collect(Collectors.joining(", "));
        return calls + " model call(s), $" + totalUsd.toPlainString()
                + (agents.isEmpty() ? "" : " (" + agents + ")")
                + (refused > 0 ? "; " + refused + " refused by a budget" : "")
                + (replayed ? "; responses were replayed from a recorded transcript" : "");
    }
}
