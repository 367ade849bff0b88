package dev.samokoder.services.billing;

import java.time.Instant;
import java.util.Optional;

/**
 * One entry of a user's credit ledger. Entries are only ever appended, numbered from 1 without
 * gaps; each says how the balance moved and what it became.
 *
 * @param amountMicros       positive for a top-up, negative for a charge
 * @param balanceAfterMicros the balance once this entry was applied
 * @param reference          what was charged (a model call id), unique per user; empty for top-ups
 * @param actor              who recorded a top-up (an administrator's user id); empty for charges
 */
public record CreditEntry(long seq, Kind kind, long amountMicros, long balanceAfterMicros, Optional<String> reference,
                          String note, Optional<String> actor, Instant at) {

    public enum Kind {
        TOP_UP,
        CHARGE
    }
}
