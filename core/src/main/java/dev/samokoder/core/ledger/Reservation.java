package dev.samokoder.core.ledger;

import dev.samokoder.core.llm.CallScope;
import dev.samokoder.core.llm.Exchange;
import dev.samokoder.core.models.ModelRef;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Optional;

/**
 * A call's maximum cost, held against the project's and the user's budgets until the call is
 * settled. Carries what settling needs to find the same items again.
 *
 * @param exchange which exchange of the run the call is, when the caller named it (recorded on the call)
 */
public record Reservation(String callId, CallScope scope, Optional<Exchange> exchange, ModelRef model, Instant startedAt, YearMonth month,
                          BigDecimal reservedUsd) {
}
