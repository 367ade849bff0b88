package dev.samokoder.services.billing;

import dev.samokoder.core.storage.Attributes;
import dev.samokoder.core.storage.Keys;
import dev.samokoder.core.storage.SingleTable;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /v1/usage}: the usage ledger's rows of a month, the storage the user's projects take
 * now (for the current month only: storage is a level, not a flow) and the credit left.
 */
public final class UsageReports {

    private final UsageMeter meter;
    private final CreditLedger credit;
    private final SingleTable table;
    private final Clock clock;

    public UsageReports(UsageMeter meter, CreditLedger credit, SingleTable table, Clock clock) {
        this.meter = meter;
        this.credit = credit;
        this.table = table;
        this.clock = clock;
    }

    public UsageReport report(String userId, YearMonth month) {
        Map<String, UsageRow> byProject = new LinkedHashMap<>();
        for (UsageRow row : meter.month(userId, month)) {
            byProject.put(row.projectId(), row);
        }
        if (month.equals(YearMonth.from(clock.instant().atOffset(ZoneOffset.UTC)))) {
            for (String projectId : ownedProjects(userId)) {
                long bytes = storageBytes(projectId);
                if (bytes > 0 || byProject.containsKey(projectId)) {
                    byProject.merge(projectId, UsageRow.empty(projectId).withStorageBytes(bytes), (row, storage) -> row.withStorageBytes(bytes));
                }
            }
        }
        List<UsageRow> rows = new ArrayList<>(byProject.values());
        rows.sort(Comparator.comparing(UsageRow::projectId));
        UsageRow total = rows.stream().reduce(UsageRow.empty("TOTAL"), UsageRow::plus);
        return new UsageReport(month, total, rows, credit.balance(userId).balanceMicros());
    }

    private List<String> ownedProjects(String userId) {
        return table.queryAll(Keys.userPartition(userId), Keys.OWNED_PROJECT_PREFIX).stream()
                .map(item -> Attributes.of(item).string("projectId")).toList();
    }

    /** The sum of the project's file sizes, read from the file index (one query per page of files). */
    private long storageBytes(String projectId) {
        return table.queryAll(Keys.projectPartition(projectId), Keys.FILE_PREFIX).stream()
                .mapToLong(item -> Attributes.of(item).optionalNumber("size").orElse(0)).sum();
    }
}
