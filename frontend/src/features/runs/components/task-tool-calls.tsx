import { Fragment, useId, type ReactNode } from 'react';
import type { RunEvent } from '../api/types';
import { taskToolCalls, type AgentFiles } from './tool-calls';
import styles from './run-view.module.css';

/** The files each agent read and changed for a task, from their tool calls on the timeline. */
export function TaskToolCalls({ events, task }: { events: RunEvent[]; task: number }) {
  const headingId = useId();
  const agents = taskToolCalls(events, task);
  return (
    <section aria-labelledby={headingId}>
      <h4 id={headingId}>Files the agents read and changed</h4>
      {agents.length === 0 ? (
        <p className={styles.muted}>No agent has used a tool for this task yet.</p>
      ) : (
        <ul className={styles.agentFiles} aria-label={`Tool calls of task ${task}`}>
          {agents.map((agent) => (
            <AgentFilesItem key={agent.agent} files={agent} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** "CodeMonkey read src/store.js, src/server.js; changed test/server.test.js · 9 tool calls, 1 refused" */
function AgentFilesItem({ files }: { files: AgentFiles }) {
  const { agent, read, changed, calls, refused } = files;
  const parts: ReactNode[] = [];
  if (read.length > 0) {
    parts.push(<Fragment key="read">read {paths(read.map((path) => ({ path, deleted: false })))}</Fragment>);
  }
  if (changed.length > 0) {
    parts.push(
      <Fragment key="changed">
        {parts.length > 0 && '; '}changed {paths(changed)}
      </Fragment>,
    );
  }
  const facts = `${calls} tool call${calls === 1 ? '' : 's'}${refused > 0 ? `, ${refused} refused` : ''}`;
  return (
    <li>
      <strong className={styles.agent}>{agent}</strong>{' '}
      {parts.length > 0 ? parts : 'read and changed no file'}{' '}
      <span className={styles.muted}>· {facts}</span>
    </li>
  );
}

function paths(files: { path: string; deleted: boolean }[]): ReactNode {
  return files.map(({ path, deleted }, index) => (
    <Fragment key={path}>
      {index > 0 && ', '}
      <code>{path}</code>
      {deleted && ' (deleted)'}
    </Fragment>
  ));
}
