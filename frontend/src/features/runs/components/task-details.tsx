import { useId, useState } from 'react';
import { ErrorAlert } from '@/components/ui/error-alert';
import { Loading } from '@/components/ui/loading';
import { diffLines } from '@/lib/line-diff';
import { useQuery } from '@/lib/use-query';
import { getDiff, getFileDiff, listExecutions } from '../api/runs';
import type { ChangedFile, Execution, FileDiff, RunEvent } from '../api/types';
import { formatDuration, type TaskSnapshots } from './run-state';
import { TaskToolCalls } from './task-tool-calls';
import styles from './run-view.module.css';

type TaskDetailsProps = {
  runId: string;
  projectId: string;
  task: number;
  /** The snapshots before and after the task: known once it is done. */
  snapshots: TaskSnapshots | undefined;
  /** Changes when the executor reports, so the executions are read again. */
  refresh: number;
  /** The run's events: the agents' tool calls for the task tell what they read and changed. */
  events: RunEvent[];
  /** The run stopped on this task: its last execution, the one that failed, opens by itself. */
  failed?: boolean;
};

/**
 * One task of the plan, opened: the files its agents read and changed, its executions in the
 * sandbox (for a task the run failed on, the last one open: what failed and its output) and, once
 * done, the files it changed.
 */
export default function TaskDetails({ runId, projectId, task, snapshots, refresh, events, failed = false }: TaskDetailsProps) {
  return (
    <>
      <TaskToolCalls events={events} task={task} />
      <Executions runId={runId} task={task} refresh={refresh} failed={failed} />
      {snapshots ? (
        <TaskChanges projectId={projectId} snapshots={snapshots} task={task} />
      ) : (
        <p className={styles.muted}>The task’s changes show once it is done.</p>
      )}
    </>
  );
}

function Executions({ runId, task, refresh, failed }: { runId: string; task: number; refresh: number; failed: boolean }) {
  const headingId = useId();
  const executions = useQuery(`executions/${runId}/${task}/${refresh}`, (signal) => listExecutions(runId, task, signal));
  let body;
  if (executions.state.status === 'loading') {
    body = <Loading label="Loading the executions…" />;
  } else if (executions.state.status === 'error') {
    body = <ErrorAlert error={executions.state.error} onRetry={executions.reload} />;
  } else if (executions.state.data.length === 0) {
    body = <p className={styles.muted}>Nothing has run in the sandbox for this task yet.</p>;
  } else {
    body = (
      <ol className={styles.executions}>
        {executions.state.data.map((execution, index, all) => (
          <ExecutionItem key={execution.number} execution={execution} open={failed && index === all.length - 1 && !execution.passed} />
        ))}
      </ol>
    );
  }
  return (
    <section aria-labelledby={headingId}>
      <h4 id={headingId}>Executions</h4>
      {body}
    </section>
  );
}

function executionSummary(execution: Execution): string {
  if (execution.passed) {
    return `Execution ${execution.number}: passed`;
  }
  const what = execution.timedOut ? 'timed out' : execution.failure === 'tests' ? 'tests failed' : 'a command failed';
  return `Execution ${execution.number}: ${what}`;
}

/**
 * A failed execution opens to its command and output; a passed one shows its output on request too.
 * `open` shows it opened from the start.
 */
function ExecutionItem({ execution, open }: { execution: Execution; open: boolean }) {
  const facts = [`exit code ${execution.exitCode}`, formatDuration(execution.durationMillis)];
  if (execution.filesChanged > 0) {
    facts.push(`${execution.filesChanged} file${execution.filesChanged === 1 ? '' : 's'} changed`);
  }
  return (
    <li data-passed={execution.passed}>
      <details className={styles.execution} open={open}>
        <summary>
          <span className={execution.passed ? styles.passed : styles.failed}>{executionSummary(execution)}</span>
          <span className={styles.muted}> · {facts.join(' · ')}</span>
        </summary>
        {execution.failedCommand.length > 0 && (
          <p>
            Command: <code>{execution.failedCommand.join(' ')}</code>
          </p>
        )}
        {execution.output ? (
          <pre className={styles.output} tabIndex={0} role="region" aria-label={`Output of execution ${execution.number}`}>
            {execution.output}
          </pre>
        ) : (
          <p className={styles.muted}>No output.</p>
        )}
      </details>
    </li>
  );
}

const CHANGE_LABELS = { added: 'Added', modified: 'Modified', deleted: 'Deleted', unchanged: 'Unchanged' } as const;

function TaskChanges({ projectId, snapshots, task }: { projectId: string; snapshots: TaskSnapshots; task: number }) {
  const headingId = useId();
  const { from, to } = snapshots;
  const diff = useQuery(`diff/${from}/${to}`, (signal) => getDiff(projectId, from, to, signal));
  const [selected, setSelected] = useState<string | null>(null);

  let body;
  if (diff.state.status === 'loading') {
    body = <Loading label="Loading the changes…" />;
  } else if (diff.state.status === 'error') {
    body = <ErrorAlert error={diff.state.error} onRetry={diff.reload} />;
  } else if (diff.state.data.files.length === 0) {
    body = <p className={styles.muted}>This task changed no files.</p>;
  } else {
    const { files, truncated } = diff.state.data;
    body = (
      <>
        <ul className={styles.changedFiles} aria-label={`Files changed by task ${task}`}>
          {files.map((file) => (
            <li key={file.path}>
              <button
                type="button"
                className={styles.changedFile}
                aria-pressed={selected === file.path}
                onClick={() => setSelected(selected === file.path ? null : file.path)}
              >
                <span className={styles.change} data-change={file.change}>
                  {CHANGE_LABELS[file.change]}
                </span>{' '}
                <code>{file.path}</code> <span className={styles.muted}>{sizeText(file)}</span>
              </button>
            </li>
          ))}
        </ul>
        {truncated && <p className={styles.muted}>Only the first {files.length} changed files are listed.</p>}
        {selected && <FileChanges key={selected} projectId={projectId} snapshots={snapshots} path={selected} />}
      </>
    );
  }
  return (
    <section aria-labelledby={headingId}>
      <h4 id={headingId}>Changes</h4>
      {body}
    </section>
  );
}

function sizeText(file: ChangedFile): string {
  const size = (file.after ?? file.before)?.size;
  if (size === undefined) {
    return '';
  }
  return size < 1024 ? `${size} B` : `${(size / 1024).toFixed(1)} KB`;
}

function FileChanges({ projectId, snapshots, path }: { projectId: string; snapshots: TaskSnapshots; path: string }) {
  const file = useQuery(`diff/${snapshots.from}/${snapshots.to}/${path}`, (signal) =>
    getFileDiff(projectId, snapshots.from, snapshots.to, path, signal),
  );
  if (file.state.status === 'loading') {
    return <Loading label={`Loading ${path}…`} />;
  }
  if (file.state.status === 'error') {
    return <ErrorAlert error={file.state.error} onRetry={file.reload} />;
  }
  return <LineDiff file={file.state.data} />;
}

/** One file's changes, line by line: removed lines then added ones, between the lines kept. */
export function LineDiff({ file }: { file: FileDiff }) {
  if (file.binary) {
    return <p className={styles.muted}>{file.path} is not text; download the app to see it.</p>;
  }
  if (file.truncated) {
    return <p className={styles.muted}>{file.path} is too large to compare here (over 256 KB).</p>;
  }
  const lines = diffLines(file.before ?? '', file.after ?? '');
  const added = lines.filter((line) => line.kind === 'added').length;
  const removed = lines.filter((line) => line.kind === 'removed').length;
  return (
    <figure className={styles.lineDiff}>
      <figcaption>
        <code>{file.path}</code>{' '}
        <span className={styles.muted}>
          {added} line{added === 1 ? '' : 's'} added, {removed} removed
        </span>
      </figcaption>
      <pre tabIndex={0} role="region" aria-label={`Changes to ${file.path}`}>
        {lines.map((line, index) => (
          <span key={index} className={styles.diffLine} data-kind={line.kind}>
            <span className={styles.diffMark} aria-hidden="true">
              {line.kind === 'added' ? '+' : line.kind === 'removed' ? '−' : ' '}
            </span>
            <span className="visually-hidden">{line.kind === 'added' ? 'added: ' : line.kind === 'removed' ? 'removed: ' : ''}</span>
            {line.text}
            {'\n'}
          </span>
        ))}
      </pre>
    </figure>
  );
}
