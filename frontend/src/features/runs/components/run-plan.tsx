import { useId } from 'react';
import type { Run, RunEvent } from '../api/types';
import { phaseText, planTasks } from './run-state';
import styles from './run-view.module.css';

const TASK_STATUS = { done: 'Done', current: 'In progress', pending: 'To do' } as const;

/** How far the run is: spec, architecture, plan, the tasks one by one, the README. */
export function RunPlan({ run, events }: { run: Run; events: RunEvent[] }) {
  const headingId = useId();
  const { progress } = run;
  const tasks = planTasks(run, events);
  const milestones = [
    { label: 'Spec', done: progress.specDone },
    { label: 'Architecture', done: progress.architectureDone },
    { label: 'Plan', done: progress.planDone },
    { label: 'Tasks', done: progress.planDone && progress.taskCount > 0 && progress.tasksDone === progress.taskCount },
    { label: 'README', done: progress.docsDone },
  ];

  return (
    <section className={styles.plan} aria-labelledby={headingId}>
      <h3 id={headingId}>Plan</h3>
      <ol className={styles.milestones} aria-label="Milestones">
        {milestones.map((milestone) => (
          <li key={milestone.label} data-done={milestone.done}>
            <span aria-hidden="true">{milestone.done ? '✓' : '○'}</span> {milestone.label}
            <span className="visually-hidden">{milestone.done ? ': done' : ': not yet'}</span>
          </li>
        ))}
      </ol>
      {progress.planDone && progress.taskCount > 0 ? (
        <>
          <p className={styles.taskCount}>
            <progress value={progress.tasksDone} max={progress.taskCount} aria-hidden="true" />
            <span>
              {progress.tasksDone} of {progress.taskCount} tasks done
            </span>
          </p>
          <ol className={styles.tasks} aria-label="Tasks">
            {tasks.map((task) => (
              <li key={task.number} data-status={task.status}>
                <span className={styles.taskStatus}>{TASK_STATUS[task.status]}</span>
                <span>
                  Task {task.number}
                  {task.title ? `: ${task.title}` : ''}
                  {task.status === 'current' && <CurrentTaskFacts phase={progress.phase} fixIterations={progress.fixIterations} />}
                </span>
              </li>
            ))}
          </ol>
        </>
      ) : (
        <p className={styles.muted}>The tasks appear once TechLead has planned them.</p>
      )}
    </section>
  );
}

function CurrentTaskFacts({ phase, fixIterations }: { phase: string | null | undefined; fixIterations: number }) {
  const facts = [phase ? phaseText(phase) : null, fixIterations > 0 ? `fix iteration ${fixIterations}` : null].filter(Boolean);
  return facts.length > 0 ? <span className={styles.muted}> — {facts.join(', ')}</span> : null;
}
