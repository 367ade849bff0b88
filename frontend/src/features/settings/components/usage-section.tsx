import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorAlert } from '@/components/ui/error-alert';
import { Loading } from '@/components/ui/loading';
import { formatUsd } from '@/lib/format';
import { useQuery } from '@/lib/use-query';
import { exportUsage, getUsage, projectNames } from '../api/settings';
import type { UsageRow } from '../api/types';
import { UsageChart } from './usage-chart';
import { costBars, monthLabel, monthOf, recentMonths, rowCost } from './usage-data';
import table from '@/components/ui/data-table.module.css';
import styles from './settings.module.css';

const count = new Intl.NumberFormat('en-US');

function tokens(row: UsageRow): number {
  return (row.promptTokens ?? 0) + (row.completionTokens ?? 0);
}

/** Usage and cost of a month: the totals, a bar per project, the table behind it and its CSV. */
export function UsageSection({ now = new Date() }: { now?: Date }) {
  const months = recentMonths(now);
  const [month, setMonth] = useState(monthOf(now));
  const pickerId = useId();
  const usage = useQuery(`usage:${month}`, async (signal) => {
    const [report, names] = await Promise.all([getUsage(month, signal), projectNames(signal)]);
    return { report, names };
  });
  const [downloading, setDownloading] = useState(false);
  const [downloadFailure, setDownloadFailure] = useState<unknown>(null);

  async function download() {
    setDownloading(true);
    setDownloadFailure(null);
    try {
      const blob = await exportUsage(month);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `samokoder-usage-${month}.csv`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (error) {
      setDownloadFailure(error);
    } finally {
      setDownloading(false);
    }
  }

  return (
    <section className={styles.section} aria-labelledby={`${pickerId}-heading`}>
      <h2 id={`${pickerId}-heading`}>Usage and cost</h2>
      <div className={styles.toolbar}>
        <label htmlFor={pickerId}>Month</label>
        <select id={pickerId} className={styles.select} value={month} onChange={(event) => setMonth(event.target.value)}>
          {months.map((m) => (
            <option key={m} value={m}>
              {monthLabel(m)}
            </option>
          ))}
        </select>
        <Button variant="secondary" busy={downloading} onClick={download}>
          Download CSV
        </Button>
      </div>
      {downloadFailure !== null && <ErrorAlert error={downloadFailure} onRetry={download} />}
      {usage.state.status === 'loading' && <Loading label="Loading usage…" />}
      {usage.state.status === 'error' && <ErrorAlert error={usage.state.error} onRetry={usage.reload} />}
      {usage.state.status === 'success' && (
        <UsageReportView month={month} {...usage.state.data} />
      )}
    </section>
  );
}

function UsageReportView({ month, report, names }: { month: string; report: Awaited<ReturnType<typeof getUsage>>; names: Map<string, string> }) {
  const totals = report.totals;
  const bars = costBars(report, names);
  return (
    <>
      <dl className={styles.facts}>
        <div>
          <dt>Credit left</dt>
          <dd>{formatUsd(report.creditBalanceUsd)}</dd>
        </div>
        <div>
          <dt>Model cost</dt>
          <dd>{formatUsd(rowCost(totals))}</dd>
        </div>
        <div>
          <dt>Charged to credit</dt>
          <dd>{formatUsd(totals.chargedUsd ?? 0)}</dd>
        </div>
        <div>
          <dt>Runs</dt>
          <dd>{count.format(totals.runs ?? 0)}</dd>
        </div>
        <div>
          <dt>Model calls</dt>
          <dd>{count.format(totals.llmCalls ?? 0)}</dd>
        </div>
        <div>
          <dt>Tokens</dt>
          <dd>{count.format(tokens(totals))}</dd>
        </div>
      </dl>
      {report.projects.length === 0 ? (
        <EmptyState title={`No usage in ${monthLabel(month)}`}>Runs you start show up here with what they cost.</EmptyState>
      ) : (
        <>
          {bars.length > 0 ? (
            <UsageChart bars={bars} title={`Model cost per project, ${monthLabel(month)}`} />
          ) : (
            <p className={styles.muted}>No model cost this month.</p>
          )}
          <div className={table.wrap} tabIndex={0} role="region" aria-label="Usage per project">
            <table className={`${table.table} ${styles.usageTable}`}>
              <caption className="visually-hidden">Usage per project, {monthLabel(month)}</caption>
              <thead>
                <tr>
                  <th scope="col">Project</th>
                  <th scope="col">Runs</th>
                  <th scope="col">Calls</th>
                  <th scope="col">Tokens</th>
                  <th scope="col">Your keys</th>
                  <th scope="col">Platform</th>
                  <th scope="col">Charged</th>
                  <th scope="col">Sandbox</th>
                </tr>
              </thead>
              <tbody>
                {report.projects.map((row) => (
                  <tr key={row.projectId}>
                    <th scope="row">{names.get(row.projectId ?? '') ?? row.projectId}</th>
                    <td>{count.format(row.runs ?? 0)}</td>
                    <td>{count.format(row.llmCalls ?? 0)}</td>
                    <td>{count.format(tokens(row))}</td>
                    <td>{formatUsd(row.byokCostUsd ?? 0)}</td>
                    <td>{formatUsd(row.platformCostUsd ?? 0)}</td>
                    <td>{formatUsd(row.chargedUsd ?? 0)}</td>
                    <td>{count.format(row.sandboxSeconds ?? 0)} s</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">Total</th>
                  <td>{count.format(totals.runs ?? 0)}</td>
                  <td>{count.format(totals.llmCalls ?? 0)}</td>
                  <td>{count.format(tokens(totals))}</td>
                  <td>{formatUsd(totals.byokCostUsd ?? 0)}</td>
                  <td>{formatUsd(totals.platformCostUsd ?? 0)}</td>
                  <td>{formatUsd(totals.chargedUsd ?? 0)}</td>
                  <td>{count.format(totals.sandboxSeconds ?? 0)} s</td>
                </tr>
              </tfoot>
            </table>
          </div>
        </>
      )}
    </>
  );
}
