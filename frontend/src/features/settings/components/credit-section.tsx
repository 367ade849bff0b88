import { useId } from 'react';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorAlert } from '@/components/ui/error-alert';
import { Loading } from '@/components/ui/loading';
import { formatDateTime, formatUsd } from '@/lib/format';
import { useQuery } from '@/lib/use-query';
import { getCredit } from '../api/settings';
import styles from './settings.module.css';

/** The prepaid credit: its balance and the latest entries of its ledger (top-ups and charges). */
export function CreditSection() {
  const headingId = useId();
  const credit = useQuery('credit', (signal) => getCredit(signal));
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h2 id={headingId}>Credit</h2>
      {credit.state.status === 'loading' && <Loading label="Loading credit…" />}
      {credit.state.status === 'error' && <ErrorAlert error={credit.state.error} onRetry={credit.reload} />}
      {credit.state.status === 'success' && (
        <>
          <p>
            Balance: <strong>{formatUsd(credit.state.data.balanceUsd)}</strong>
          </p>
          {credit.state.data.items.length === 0 ? (
            <EmptyState title="No credit yet">Runs on your own model keys need none; the platform’s model is paid from credit.</EmptyState>
          ) : (
            <ul className={styles.keyList} aria-label="Latest credit entries">
              {credit.state.data.items.map((entry) => (
                <li key={entry.seq} className={styles.keyItem}>
                  <div>
                    <strong>{entry.kind === 'top-up' ? 'Top-up' : 'Charge'}</strong> {entry.note}
                    <div className={styles.muted}>{formatDateTime(entry.at)} · balance after {formatUsd(entry.balanceAfterUsd)}</div>
                  </div>
                  <span>{formatUsd(entry.amountUsd)}</span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
