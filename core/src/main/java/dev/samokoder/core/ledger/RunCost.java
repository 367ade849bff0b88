package dev.samokoder.core.ledger;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
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

    private static final BigDecimal CENT = new BigDecimal("0.01");

    public RunCost {
        byAgent = Map.copyOf(byAgent);
    }

    /** One line for a run summary; it always says when the answers were replayed. */
    public String summary() {
        String agents = byAgent.values().stream()
                .sorted((a, b) -> a.agent().compareTo(b.agent()))
                .map(a -> a.agent() + " " + usd(a.costUsd()))
                .collect(Collectors.joining(", "));
        return calls + " model call(s), " + usd(totalUsd)
                + (agents.isEmpty() ? "" : " (" + agents + ")")
                + (refused > 0 ? "; " + refused + " refused by a budget" : "")
                + (replayed ? "; responses were replayed from a recorded transcript" : "");
    }

    /**
     * Money as a person reads it: cents from a cent up ({@code $0.07}, {@code $12.35}), two
     * significant digits below ({@code $0.0031}: a cheap model's run is worth seeing), {@code $0}
     * for nothing. The ledger keeps the exact amounts; this is only the summary line.
     */
    static String usd(BigDecimal amount) {
        if (amount.signum() == 0) {
            return "$0";
        }
        BigDecimal shown = amount.abs().compareTo(CENT) >= 0
                ? amount.setScale(2, RoundingMode.HALF_UP)
                : amount.round(new MathContext(2, RoundingMode.HALF_UP)).stripTrailingZeros();
        return (shown.signum() < 0 ? "-$" : "$") + shown.abs().toPlainString();
    }
}
