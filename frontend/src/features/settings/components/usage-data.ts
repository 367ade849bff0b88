import type { UsageReport, UsageRow } from '../api/types';

/** One bar of the cost chart: a project's model cost of the month, and its share of the largest. */
export type CostBar = {
  projectId: string;
  label: string;
  byokUsd: number;
  platformUsd: number;
  totalUsd: number;
  /** 0..1 of the widest bar, so the longest bar fills the chart. */
  fraction: number;
};

/** What a row's model calls cost at the price table: on the person's own keys plus on the platform's. */
export function rowCost(row: UsageRow): number {
  return (row.byokCostUsd ?? 0) + (row.platformCostUsd ?? 0);
}

/**
 * The chart's bars, most expensive first: the usage rows carry only project ids, so `names` gives
 * the label (a deleted or unlisted project shows its id). Projects that cost nothing are left out.
 */
export function costBars(report: UsageReport, names: ReadonlyMap<string, string>): CostBar[] {
  const bars = report.projects
    .filter((row) => row.projectId && rowCost(row) > 0)
    .map((row) => {
      const projectId = row.projectId!;
      return {
        projectId,
        label: names.get(projectId) ?? projectId,
        byokUsd: row.byokCostUsd ?? 0,
        platformUsd: row.platformCostUsd ?? 0,
        totalUsd: rowCost(row),
        fraction: 0,
      };
    })
    .sort((a, b) => b.totalUsd - a.totalUsd || a.label.localeCompare(b.label));
  const max = bars[0]?.totalUsd ?? 0;
  return bars.map((bar) => ({ ...bar, fraction: max > 0 ? bar.totalUsd / max : 0 }));
}

/** `YYYY-MM` of a date, in UTC as the API counts months. */
export function monthOf(date: Date): string {
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** This month and the `count - 1` before it, newest first: the months the picker offers. */
export function recentMonths(now: Date, count = 12): string[] {
  const months: string[] = [];
  for (let i = 0; i < count; i += 1) {
    months.push(monthOf(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1))));
  }
  return months;
}

/** "March 2030" for `2030-03`. */
export function monthLabel(month: string): string {
  const [year, mon] = month.split('-').map(Number);
  if (!year || !mon) {
    return month;
  }
  return new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(year, mon - 1, 1)));
}
