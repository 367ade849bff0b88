import { useId } from 'react';
import { ErrorAlert } from '@/components/ui/error-alert';
import { Loading } from '@/components/ui/loading';
import { ApiError } from '@/lib/api-client/api-error';
import { sentence } from '@/lib/api-client/problem';
import { formatDateTime } from '@/lib/format';
import type { Run } from '../api/types';
import { RunActions } from './run-actions';
import { RunCost } from './run-cost';
import { RunPlan } from './run-plan';
import { RunQuestions } from './run-questions';
import { currentActivity, isWorking, STATUS_LABELS } from './run-state';
import { RunAnnouncer, RunTimeline } from './run-timeline';
import { useRunWatch } from './use-run-watch';
import styles from './run-view.module.css';

type RunViewProps = {
  runId: string;
  /** Each new reading of the run. */
  onRun?(run: Run): void;
  /** The run ended while shown: the project's files changed. */
  onEnded?(run: Run): void;
};

/**
 * One run, live: who works and on what, the questions waiting for the person, the plan's progress,
 * the cost so far per agent and the timeline, polled while the run is active. Loaded lazily: it
 * is the biggest part of the project page.
 */
export default function RunView({ runId, onRun, onEnded }: RunViewProps) {
  const headingId = useId();
  const failureId = useId();
  const watch = useRunWatch(runId, { ...(onRun && { onRun }), ...(onEnded && { onEnded }) });
  const { run, events, error, stopped } = watch;

  if (!run) {
    if (error === null) {
      return <Loading label="Loading the run…" />;
    }
    if (error instanceof ApiError && error.status === 404) {
      return <ErrorAlert error={new ApiError({ status: 404, type: 'not-found', title: 'Run not found', detail: 'This run does not exist, or it is not yours.' })} />;
    }
    return <ErrorAlert error={error} {...(!stopped && { onRetry: watch.pollNow })} />;
  }

  const activity = currentActivity(run);
  return (
    <article className={styles.view} aria-labelledby={headingId} data-status={run.status}>
      <header className={styles.header}>
        <div className={styles.titleRow}>
          <h3 id={headingId}>{run.kind === 'new-app' ? 'New app' : 'Change request'}</h3>
          <span className={styles.status} data-status={run.status}>
            {STATUS_LABELS[run.status]}
          </span>
        </div>
        <p className={styles.muted}>
          Started {formatDateTime(run.createdAt)} · {run.mode === 'interactive' ? 'Interactive' : 'Autonomous'}
        </p>
        <p className={styles.request}>{run.request}</p>
      </header>

      {error !== null && (
        // the last reading failed; the view keeps what it had and polling tries again by itself
        <ErrorAlert error={error} {...(!stopped && { onRetry: watch.pollNow })} />
      )}

      {activity && (
        <div className={styles.now} role="group" aria-label="Now">
          {isWorking(run.status) && <span className={styles.spinner} aria-hidden="true" />}
          <p>
            <strong className={styles.agent}>{activity.agent}</strong> <span>{activity.text}</span>
          </p>
        </div>
      )}
      {run.status === 'failed' && run.failure && (
        <section className={styles.failure} aria-labelledby={failureId}>
          <strong id={failureId}>Why it failed</strong>
          <p>{sentence(run.failure)}</p>
        </section>
      )}
      {run.status === 'succeeded' && <p className={styles.success}>The app is built. Its files are below, and the zip has them all.</p>}

      {run.status === 'waiting-for-answer' && <RunQuestions runId={run.id} onAllAnswered={watch.pollNow} />}

      <RunActions run={run} onActed={watch.pollNow} />

      <div className={styles.columns}>
        <RunPlan run={run} events={events} />
        <RunCost cost={run.cost} />
      </div>
      <RunTimeline events={events} />
      <RunAnnouncer events={events} loaded={run !== undefined} />
    </article>
  );
}
