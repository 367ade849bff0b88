package dev.samokoder.services.billing;

import java.time.YearMonth;
import java.util.List;

/** A user's usage of a month: the total and one row per project, and the credit left now. */
public record UsageReport(YearMonth month, UsageRow total, List<UsageRow> projects, long creditBalanceMicros) {

    public UsageReport {
        projects = List.copyOf(projects);
    }

    /** The report as CSV (RFC 4180): one line per project, then the total. Every field is an id or a number. */
    public String toCsv() {
        StringBuilder csv = new StringBuilder(
                "month,projectId,runs,llmCalls,promptTokens,completionTokens,byokCostUsd,platformCostUsd,chargedUsd,sandboxSeconds,storageBytes\r\n");
        for (UsageRow row : projects) {
            line(csv, row.projectId(), row);
        }
        line(csv, "TOTAL", total);
        return csv.toString();
    }

    private void line(StringBuilder csv, String label, UsageRow row) {
        csv.append(month).append(',').append(label).append(',').append(row.runs()).append(',').append(row.llmCalls()).append(',')
                .append(row.promptTokens()).append(',').append(row.completionTokens()).append(',')
                .append(row.byokCostUsd().toPlainString()).append(',').append(row.platformCostUsd().toPlainString()).append(',')
                .append(row.chargedUsd().toPlainString()).append(',').append(row.sandboxSeconds()).append(',')
                .append(row.storageBytes()).append("\r\n");
    }
}
