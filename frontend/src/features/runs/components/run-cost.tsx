import { useId } from 'react';
import { formatUsd } from '@/lib/format';
import type { RunCost as RunCostData } from '../api/types';
import table from '@/components/ui/data-table.module.css';
import styles from './run-view.module.css';

const tokens = new Intl.NumberFormat('en-US');

/** Cost so far per agent: model calls, tokens, dollars. */
export function RunCost({ cost }: { cost: RunCostData | null | undefined }) {
  const headingId = useId();
  return (
    <section className={styles.cost} aria-labelledby={headingId}>
      <h3 id={headingId}>Cost so far</h3>
      {!cost || cost.calls === 0 ? (
        <p className={styles.muted}>No model calls yet.</p>
      ) : (
        <>
          <p>
            <strong>{formatCost(cost.totalUsd)}</strong> for {cost.calls} model {cost.calls === 1 ? 'call' : 'calls'}
          </p>
          {cost.replayed && <p className={styles.muted}>The answers were replayed from a recorded transcript: no model was paid.</p>}
          <div className={table.wrap}>
            <table className={table.table}>
              <caption className="visually-hidden">Cost per agent</caption>
              <thead>
                <tr>
                  <th scope="col">Agent</th>
                  <th scope="col">Calls</th>
                  <th scope="col">Tokens in / out</th>
                  <th scope="col">Cost</th>
                </tr>
              </thead>
              <tbody>
                {cost.byAgent.map((line) => (
                  <tr key={line.agent}>
                    <th scope="row">{line.agent}</th>
                    <td>{line.calls}</td>
                    <td>
                      {tokens.format(line.promptTokens)} / {tokens.format(line.completionTokens)}
                    </td>
                    <td>{formatCost(line.costUsd)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

/** Model calls cost fractions of a cent: show them rather than $0.00. */
function formatCost(usd: number): string {
  return usd > 0 && usd < 0.01 ? `$${usd.toFixed(4)}` : formatUsd(usd);
}
