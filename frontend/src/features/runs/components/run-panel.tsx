import { lazy, Suspense, useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorAlert } from '@/components/ui/error-alert';
import { Loading } from '@/components/ui/loading';
import { formatDateTime } from '@/lib/format';
import { useQuery } from '@/lib/use-query';
import { listRuns } from '../api/runs';
import type { Run, RunPage } from '../api/types';
import { isActive, STATUS_LABELS } from './run-state';
import styles from './run-panel.module.css';
import { StartRunForm, type RunProject } from './start-run-form';

// the live view is the heaviest part of the project page: it loads after the page shows
const RunView = lazy(() => import('./run-view'));

/** The runs the panel lists: the newest, the one shown first, and a few before it. */
const RUNS_LISTED = 10;

type RunPanelProps = {
  project: RunProject;
  /** A run ended while shown: its files changed. */
  onRunEnded?(run: Run): void;
};

/**
 * The project page's run area: the newest run live (or one chosen from the earlier ones), the
 * form to start a run when none is in progress, and the list of earlier runs.
 */
export function RunPanel({ project, onRunEnded }: RunPanelProps) {
  const headingId = useId();
  const runs = useQuery(`runs/${project.id}`, (signal) => listRuns(project.id, RUNS_LISTED, signal));
  const [chosen, setChosen] = useState<string | null>(null);

  function replace(run: Run) {
    runs.setData((page: RunPage) => {
      const known = page.items.some((item) => item.id === run.id);
      const items = known ? page.items.map((item) => (item.id === run.id ? { ...item, ...run } : item)) : [run, ...page.items];
      return { ...page, items };
    });
  }

  let body;
  if (runs.state.status === 'loading') {
    body = <Loading label="Loading the runs…" />;
  } else if (runs.state.status === 'error') {
    body = <ErrorAlert error={runs.state.error} onRetry={runs.reload} />;
  } else {
    const items = runs.state.data.items;
    const shown = items.find((run) => run.id === chosen) ?? items[0];
    const active = items.some((run) => isActive(run.status));
    body = (
      <>
        {items.length === 0 && (
          <EmptyState title="No runs yet">
            Start one and the agents build this app: you follow their plan, answer their questions and see the cost as they
            go.
          </EmptyState>
        )}
        {shown && (
          <Suspense fallback={<Loading label="Loading the run…" />}>
            <RunView
              key={shown.id}
              runId={shown.id}
              onRun={replace}
              onEnded={(run) => onRunEnded?.(run)}
            />
          </Suspense>
        )}
        {!active && (
          <StartRunForm
            key={items.length === 0 ? 'first' : 'next'}
            project={project}
            hasRuns={items.length > 0}
            onStarted={(run) => {
              replace(run);
              setChosen(run.id);
            }}
            onShowRun={(runId) => {
              setChosen(runId);
              runs.reload();
            }}
          />
        )}
        {items.length > 1 && <EarlierRuns runs={items} shownId={shown?.id} onShow={setChosen} />}
      </>
    );
  }

  return (
    <section className={styles.panel} aria-labelledby={headingId}>
      <h2 id={headingId}>Runs</h2>
      {body}
    </section>
  );
}

function EarlierRuns({ runs, shownId, onShow }: { runs: Run[]; shownId: string | undefined; onShow(runId: string): void }) {
  const headingId = useId();
  return (
    <section className={styles.history} aria-labelledby={headingId}>
      <h3 id={headingId}>All runs</h3>
      <ul className={styles.historyList}>
        {runs.map((run) => (
          <li key={run.id}>
            <Button variant="ghost" onClick={() => onShow(run.id)} aria-current={run.id === shownId ? 'true' : undefined}>
              {formatDateTime(run.createdAt)} · {run.kind === 'new-app' ? 'New app' : 'Change request'} · {STATUS_LABELS[run.status]}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
