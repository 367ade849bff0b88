package dev.samokoder.services.billing;

import dev.samokoder.core.domain.Ids;
import dev.samokoder.core.testing.LocalAws;
import dev.samokoder.core.testing.LocalAwsExtension;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(LocalAwsExtension.class)
class CreditLedgerIT {

    private CreditLedger ledger;
    private Funding funding;
    private String userId;

    @BeforeEach
    void setUp(LocalAws aws) {
        ledger = new CreditLedger(aws.storage().table(), Clock.systemUTC());
        funding = new Funding(ledger);
        userId = Ids.newId("usr");
    }

    @Test
    void randomizedConcurrentChargesAndTopUps_leaveEntriesThatSumExactlyToTheBalance() throws Exception {
        // given: a seeded random sequence of top-ups and charges (some repeating a reference), run by 8 threads at once
        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<Callable<Long>> operations = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            long micros = 1 + random.nextInt(5_000_000);
            if (random.nextInt(3) == 0) {
                operations.add(() -> ledger.topUp(userId, micros, "top-up", "usr_admin").amountMicros());
            } else {
                String reference = "llm_" + random.nextInt(60); // repeats: a retried charge must not count twice
                operations.add(() -> ledger.charge(userId, micros, reference, "call").map(CreditEntry::amountMicros).orElse(0L));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Long>> results = new ArrayList<>();
        for (Callable<Long> operation : operations) {
            results.add(pool.submit(() -> {
                start.await();
                return operation.call();
            }));
        }

        // when
        start.countDown();
        AtomicLong applied = new AtomicLong();
        long appliedCount = 0;
        for (Future<Long> result : results) {
            long amount = result.get();
            applied.addAndGet(amount);
            appliedCount += amount == 0 ? 0 : 1;
        }
        pool.shutdown();

        // then: what the callers were told was applied, the entries and the balance all agree, to the micro-dollar
        List<CreditEntry> entries = ledger.allEntries(userId);
        CreditBalance balance = ledger.balance(userId);
        String why = "seed " + seed;
        assertThat(entries.stream().mapToLong(CreditEntry::amountMicros).sum()).as(why).isEqualTo(balance.balanceMicros());
        assertThat(balance.balanceMicros()).as(why).isEqualTo(applied.get());
        assertThat(entries).as(why).hasSize((int) appliedCount);
        assertThat(entries.stream().mapToLong(CreditEntry::seq).toArray()).as(why + ": numbered 1..n without gaps")
                .containsExactly(LongStream.rangeClosed(1, entries.size()).toArray());
        assertThat(balance.entries()).as(why).isEqualTo(entries.size());
        long running = 0;
        for (CreditEntry entry : entries) {
            running += entry.amountMicros();
            assertThat(entry.balanceAfterMicros()).as(why + ": entry " + entry.seq()).isEqualTo(running);
        }
        assertThat(entries.stream().filter(e -> e.kind() == CreditEntry.Kind.CHARGE).map(e -> e.reference().orElseThrow()))
                .as(why + ": each reference charged once").doesNotHaveDuplicates();
    }

    @Test
    void aRepeatedCharge_changesNothing() {
        ledger.topUp(userId, 10_000_000, "first", "usr_admin");

        Optional<CreditEntry> first = ledger.charge(userId, 1_500_000, "llm_abc", "call");
        Optional<CreditEntry> again = ledger.charge(userId, 1_500_000, "llm_abc", "call");

        assertThat(first).isPresent();
        assertThat(again).isEmpty();
        assertThat(ledger.balance(userId).balanceMicros()).isEqualTo(8_500_000);
    }

    @Test
    void requireFunds_refusesAPlatformRunWithoutCredit_andSaysSo() {
        // no credit at all
        assertThatThrownBy(() -> funding.requireFunds(userId, true))
                .isInstanceOfSatisfying(InsufficientCreditException.class,
                        e -> assertThat(e.balanceUsd()).isEqualByComparingTo(BigDecimal.ZERO));
        // BYOK runs need none
        funding.requireFunds(userId, false);

        // credit makes it pass; spending it all (and more: a call already made) refuses again
        ledger.topUp(userId, 2_000_000, "top-up", "usr_admin");
        funding.requireFunds(userId, true);
        assertThat(funding.hasCredit(userId)).isTrue();
        ledger.charge(userId, 2_500_000, "llm_1", "call");
        assertThatThrownBy(() -> funding.requireFunds(userId, true))
                .isInstanceOfSatisfying(InsufficientCreditException.class,
                        e -> assertThat(e.balanceUsd()).isEqualByComparingTo("-0.5"));
        assertThat(funding.hasCredit(userId)).isFalse();
    }

    @Test
    void entriesArePagedNewestFirst() {
        for (int i = 1; i <= 5; i++) {
            ledger.topUp(userId, i * 1_000_000L, "top-up " + i, "usr_admin");
        }

        var page = ledger.entries(userId, 2, Optional.empty());
        var next = ledger.entries(userId, 2, page.nextCursor());

        assertThat(page.items()).extracting(CreditEntry::seq).containsExactly(5L, 4L);
        assertThat(next.items()).extracting(CreditEntry::seq).containsExactly(3L, 2L);
        assertThat(Money.toUsd(ledger.balance(userId).balanceMicros())).isEqualByComparingTo("15");
    }
}
