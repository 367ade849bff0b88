import { formatDateTime, formatUsd } from '@/lib/format';
import { useQuery } from '@/lib/use-query';
import { getRun, listRuns } from '../api/runs';
import type { Run } from '../api/types';
import { STATUS_LABELS } from './run-state';

/** The project's newest run with its cost (only a single run's route has the cost), or null. */
async function lastRun(projectId: string, signal: AbortSignal): Promise<Run | null> {
  const [newest] = (await listRuns(projectId, 1, signal)).items;
  return newest ? getRun(newest.id, signal) : null;
}

/**
 * A project's run facts in the projects list, as groups of a description list: the last run's
 * status, when it started, and what it cost. The API has no project total yet, so the cost is the
 * last run's. A failure to read them leaves "—": the list itself is what matters there.
 */
export function RunSummary({ projectId }: { projectId: string }) {
  const run = useQuery(`last-run/${projectId}`, (signal) => lastRun(projectId, signal));
  const loaded = run.state.status === 'success' ? run.state.data : undefined;
  const status = run.state.status !== 'success' ? '—' : loaded ? STATUS_LABELS[loaded.status] : 'No runs yet';
  return (
    <>
      <div>
        <dt>Status</dt>
        <dd>{status}</dd>
      </div>
      <div>
        <dt>Last run</dt>
        <dd>{loaded ? formatDateTime(loaded.createdAt) : '—'}</dd>
      </div>
      <div>
        <dt>Last run’s cost</dt>
        <dd>{loaded?.cost ? formatUsd(loaded.cost.totalUsd) : '—'}</dd>
      </div>
    </>
  );
}
