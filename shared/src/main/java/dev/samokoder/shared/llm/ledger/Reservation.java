package dev.samokoder.shared.llm.ledger;

import dev.samokoder.shared.llm.CallScope;
import dev.samokoder.shared.llm.model.ModelRef;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

/**
 * A call's maximum cost, held against the project's and the user's budgets until the call is
 * settled. Carries what settling needs to find the same items again.
 */
public record Reservation(String callId, CallScope scope, ModelRef model, Instant startedAt, YearMonth month,
                          BigDecimal reservedUsd) {
}
