package dev.samokoder.api.billing;

import dev.samokoder.api.http.ApiRequest;
import dev.samokoder.api.http.ApiResponse;
import dev.samokoder.api.http.QueryParameters;
import dev.samokoder.core.storage.Page;
import dev.samokoder.core.validation.ValidationException;
import dev.samokoder.services.billing.CreditEntry;
import dev.samokoder.services.billing.CreditLedger;
import dev.samokoder.services.billing.Money;
import dev.samokoder.services.billing.UsageReport;
import dev.samokoder.services.billing.UsageReports;
import dev.samokoder.services.billing.UsageRow;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/** {@code /v1/usage} (a month's usage, as JSON or CSV) and {@code /v1/credit} (the prepaid balance and its ledger). */
public final class UsageOperations {

    /** The first month the platform can have usage of; earlier months are a typo, not an empty report. */
    static final YearMonth FIRST_MONTH = YearMonth.of(2025, 1);

    public record UsageView(String projectId, long runs, long llmCalls, long promptTokens, long completionTokens,
                            BigDecimal byokCostUsd, BigDecimal platformCostUsd, BigDecimal chargedUsd, long sandboxSeconds,
                            long storageBytes) {
        static UsageView of(UsageRow row, boolean total) {
            return new UsageView(total ? null : row.projectId(), row.runs(), row.llmCalls(), row.promptTokens(), row.completionTokens(),
                    row.byokCostUsd(), row.platformCostUsd(), row.chargedUsd(), row.sandboxSeconds(), row.storageBytes());
        }
    }

    public record UsageReportView(String month, String currency, UsageView totals, List<UsageView> projects,
                                  BigDecimal creditBalanceUsd) {
    }

    public record CreditEntryView(long seq, String kind, BigDecimal amountUsd, BigDecimal balanceAfterUsd, String reference,
                                  String note, Instant at) {
        public static CreditEntryView of(CreditEntry entry) {
            return new CreditEntryView(entry.seq(), entry.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                    Money.toUsd(entry.amountMicros()), Money.toUsd(entry.balanceAfterMicros()), entry.reference().orElse(null),
                    entry.note(), entry.at());
        }
    }

    public record CreditView(BigDecimal balanceUsd, List<CreditEntryView> items, String nextCursor) {
    }

    private final UsageReports reports;
    private final CreditLedger credit;
    private final Clock clock;

    public UsageOperations(UsageReports reports, CreditLedger credit, Clock clock) {
        this.reports = reports;
        this.credit = credit;
        this.clock = clock;
    }

    public ApiResponse usage(ApiRequest request) {
        UsageReport report = reports.report(request.userId(), month(request));
        return ApiResponse.json(200, new UsageReportView(report.month().toString(), "USD", UsageView.of(report.total(), true),
                report.projects().stream().map(row -> UsageView.of(row, false)).toList(), Money.toUsd(report.creditBalanceMicros())));
    }

    public ApiResponse export(ApiRequest request) {
        UsageReport report = reports.report(request.userId(), month(request));
        return ApiResponse.bytes(200, "text/csv; charset=utf-8", report.toCsv().getBytes(StandardCharsets.UTF_8))
                .withHeader("Content-Disposition", "attachment; filename=\"samokoder-usage-" + report.month() + ".csv\"");
    }

    public ApiResponse credit(ApiRequest request) {
        int limit = QueryParameters.limit(request.query("limit"));
        Page<CreditEntry> page = credit.entries(request.userId(), limit, request.query("cursor").filter(c -> !c.isEmpty()));
        return ApiResponse.json(200, new CreditView(Money.toUsd(credit.balance(request.userId()).balanceMicros()),
                page.items().stream().map(CreditEntryView::of).toList(), page.nextCursor().orElse(null)));
    }

    private YearMonth month(ApiRequest request) {
        YearMonth current = YearMonth.from(clock.instant().atOffset(ZoneOffset.UTC));
        Optional<String> text = request.query("month");
        if (text.isEmpty()) {
            return current;
        }
        YearMonth month;
        try {
            month = text.get().matches("\\d{4}-\\d{2}") ? YearMonth.parse(text.get()) : null;
        } catch (DateTimeParseException e) {
            month = null;
        }
        if (month == null) {
            throw ValidationException.of("month", "must be a month as YYYY-MM, e.g. " + current);
        }
        if (month.isBefore(FIRST_MONTH) || month.isAfter(current)) {
            throw ValidationException.of("month", "must be from " + FIRST_MONTH + " to " + current);
        }
        return month;
    }
}
