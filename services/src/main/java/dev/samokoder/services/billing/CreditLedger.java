package dev.samokoder.services.billing;

import dev.samokoder.core.config.RetryPolicy;
import dev.samokoder.core.storage.Attributes;
import dev.samokoder.core.storage.Key;
import dev.samokoder.core.storage.Keys;
import dev.samokoder.core.storage.OptimisticRetry;
import dev.samokoder.core.storage.Page;
import dev.samokoder.core.storage.SingleTable;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Prepaid credit, as an append-only ledger. Each top-up or charge is one transaction that writes
 * the next entry (which must not exist yet) and the balance (which must still be at the version
 * read): two writers never both append entry n, and the balance is always exactly the sum of the
 * entries. A charge carries a reference (the model call) that can be charged only once, so a
 * retried charge is not a second one. Amounts are whole micro-dollars.
 */
public final class CreditLedger implements Balances {

    static final String BALANCE_TYPE = "CreditBalance";
    static final String ENTRY_TYPE = "CreditEntry";
    static final String REFERENCE_TYPE = "CreditReference";

    private final SingleTable table;
    private final Clock clock;
    private final OptimisticRetry retry;

    public CreditLedger(SingleTable table, Clock clock) {
        this(table, clock, RetryPolicy.hotItemDefaults());
    }

    /** @param conflictRetry how an append that lost the race to another on the same balance tries again (the balance is a hot item) */
    public CreditLedger(SingleTable table, Clock clock, RetryPolicy conflictRetry) {
        this.table = table;
        this.clock = clock;
        this.retry = new OptimisticRetry(conflictRetry);
    }

    @Override
    public long balanceMicros(String userId) {
        return balance(userId).balanceMicros();
    }

    public CreditBalance balance(String userId) {
        return table.get(Keys.creditBalance(userId)).map(Attributes::of)
                .map(a -> new CreditBalance(a.number("balanceMicros"), a.number("entries")))
                .orElse(CreditBalance.NONE);
    }

    /** Adds credit (an administrator's top-up). */
    public CreditEntry topUp(String userId, long amountMicros, String note, String actor) {
        if (amountMicros <= 0) {
            throw new IllegalArgumentException("a top-up must be positive");
        }
        return append(userId, CreditEntry.Kind.TOP_UP, amountMicros, Optional.empty(), note, Optional.of(actor))
                .orElseThrow(() -> new IllegalStateException("a top-up has no reference and cannot be a repeat"));
    }

    /**
     * Takes credit for something already consumed (a model call on the platform's provider). It
     * may take the balance below zero: the call was made. Runs are refused up front instead
     * ({@link Funding}).
     *
     * @return the entry, or empty when {@code reference} was charged before (nothing changed)
     */
    public Optional<CreditEntry> charge(String userId, long amountMicros, String reference, String note) {
        if (amountMicros <= 0) {
            throw new IllegalArgumentException("a charge must be positive");
        }
        return append(userId, CreditEntry.Kind.CHARGE, -amountMicros, Optional.of(reference), note, Optional.empty());
    }

    /** The ledger's entries, newest first, a page at a time. */
    public Page<CreditEntry> entries(String userId, int limit, Optional<String> cursor) {
        Page<Map<String, AttributeValue>> page = table.queryPage(Keys.userPartition(userId), Keys.CREDIT_ENTRY_PREFIX, limit, cursor, false);
        return new Page<>(page.items().stream().map(CreditLedger::entry).toList(), page.nextCursor());
    }

    /** Every entry, oldest first (for audits and the invariant's test). */
    public List<CreditEntry> allEntries(String userId) {
        return table.queryAll(Keys.userPartition(userId), Keys.CREDIT_ENTRY_PREFIX).stream().map(CreditLedger::entry).toList();
    }

    private Optional<CreditEntry> append(String userId, CreditEntry.Kind kind, long amountMicros, Optional<String> reference,
                                         String note, Optional<String> actor) {
        Key balanceKey = Keys.creditBalance(userId);
        // another entry was appended since the balance was read: read it again
        return retry.get(attempt -> {
            Optional<Attributes> stored = table.get(balanceKey).map(Attributes::of);
            long version = stored.map(Attributes::version).orElse(0L);
            long balance = stored.map(a -> a.number("balanceMicros")).orElse(0L);
            long seq = stored.map(a -> a.number("entries")).orElse(0L) + 1;
            Instant now = clock.instant();
            CreditEntry entry = new CreditEntry(seq, kind, amountMicros, Math.addExact(balance, amountMicros), reference, note, actor, now);
            var balanceItem = Attributes.item(balanceKey, BALANCE_TYPE, version + 1)
                    .string("userId", userId)
                    .number("balanceMicros", entry.balanceAfterMicros())
                    .number("entries", seq)
                    .instant("updatedAt", now)
                    .build();
            List<TransactWriteItem> writes = new ArrayList<>(List.of(
                    version == 0 ? table.createOp(balanceItem) : table.replaceOp(balanceItem, version),
                    table.createOp(entryItem(userId, entry))));
            reference.ifPresent(ref -> writes.add(table.createOp(Attributes.item(Keys.creditReference(userId, ref), REFERENCE_TYPE, 1)
                    .number("seq", seq).instant("at", now).build())));
            try {
                table.transact(writes, (index, item) -> index == 2 ? new AlreadyCharged() : new Conflict());
                return Optional.of(entry);
            } catch (AlreadyCharged repeat) {
                return Optional.empty();
            }
        }, contention -> {
            throw new CreditLedgerBusyException(contention.attempts());
        }, Conflict.class, TransactionCanceledException.class);
    }

    private static Map<String, AttributeValue> entryItem(String userId, CreditEntry entry) {
        return Attributes.item(Keys.creditEntry(userId, entry.seq()), ENTRY_TYPE, 1)
                .number("seq", entry.seq())
                .string("kind", entry.kind().name())
                .number("amountMicros", entry.amountMicros())
                .number("balanceAfterMicros", entry.balanceAfterMicros())
                .optionalString("reference", entry.reference())
                .string("note", entry.note())
                .optionalString("actor", entry.actor())
                .instant("at", entry.at())
                .build();
    }

    private static CreditEntry entry(Map<String, AttributeValue> item) {
        Attributes a = Attributes.of(item);
        return new CreditEntry(a.number("seq"), CreditEntry.Kind.valueOf(a.string("kind")), a.number("amountMicros"),
                a.number("balanceAfterMicros"), a.optionalString("reference"), a.string("note"), a.optionalString("actor"),
                a.instant("at"));
    }

    /** The reference was charged before. */
    private static final class AlreadyCharged extends RuntimeException {
        AlreadyCharged() {
            super(null, null, false, false);
        }
    }

    /** The balance moved since it was read. */
    private static final class Conflict extends RuntimeException {
        Conflict() {
            super(null, null, false, false);
        }
    }
}
