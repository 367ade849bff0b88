import { lazy, Suspense, useEffect, useId, useState } from 'react';
import { Loading } from '@/components/ui/loading';
import { listTasks } from '../api/runs';
import type { PlannedTask, Run, RunEvent } from '../api/types';
import { phaseText, planTasks, taskSnapshots, type PlanTask } from './run-state';
import styles from './run-view.module.css';

// a task's executions and changes (with the line diff) load when the person opens a task
const TaskDetails = lazy(() => import('./task-details'));

const TASK_STATUS = { done: 'Done', current: 'In progress', pending: 'To do', failed: 'Failed' } as const;

type Row = { number: number; title: string | undefined; status: keyof typeof TASK_STATUS; epic?: string; description?: string };

/** The plan's tasks as the API lists them, or as the progress and events tell until it answers. */
function rows(fallback: PlanTask[], planned: PlannedTask[] | null, run: Run): Row[] {
  if (!planned || planned.length === 0) {
    return fallback;
  }
  return planned.map((task) => ({
    number: task.number,
    title: task.title,
    epic: task.epic,
    description: task.description,
    status:
      task.status === 'done'
        ? 'done'
        : task.status === 'failed' || (task.current && run.status === 'failed')
          ? 'failed'
          : task.current
            ? 'current'
            : 'pending',
  }));
}

/**
 * The run's plan (`GET /v1/runs/{id}/tasks`), read again when the progress moves, so a poll
 * does not reload it for nothing.
 */
function usePlan(run: Run): PlannedTask[] | null {
  const [tasks, setTasks] = useState<PlannedTask[] | null>(null);
  const { planDone, taskCount, tasksDone } = run.progress;
  const key = `${run.id}/${planDone}/${taskCount}/${tasksDone}/${run.status}`;
  useEffect(() => {
    if (!planDone || taskCount === 0) {
      return undefined;
    }
    const controller = new AbortController();
    listTasks(run.id, controller.signal).then(
      (items) => !controller.signal.aborted && setTasks(items),
      // the tasks still show, without titles, from the progress and events
      () => undefined,
    );
    return () => controller.abort();
  }, [key]);
  return tasks;
}

/** How far the run is: spec, architecture, plan, the tasks one by one, the README. */
export function RunPlan({ run, events }: { run: Run; events: RunEvent[] }) {
  const headingId = useId();
  const { progress } = run;
  const planned = usePlan(run);
  const tasks = rows(planTasks(run, events), planned, run);
  const snapshots = taskSnapshots(events);
  // an open task's executions are read again when the executor reports
  const executionEvents = events.filter((event) => event.type.startsWith('EXECUTION_')).length;
  const [open, setOpen] = useState<number | null>(null);
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
            {tasks.map((task) => {
              const expanded = open === task.number;
              const detailsId = `${headingId}-task-${task.number}`;
              return (
                <li key={task.number} data-status={task.status} aria-current={task.status === 'current' ? 'step' : undefined}>
                  <span className={styles.taskStatus}>{TASK_STATUS[task.status]}</span>
                  <span className={styles.taskMain}>
                    <span>
                      Task {task.number}
                      {task.title ? `: ${task.title}` : ''}
                      {task.status === 'current' && <CurrentTaskFacts phase={progress.phase} fixIterations={progress.fixIterations} />}
                    </span>
                    {task.epic && <span className={styles.muted}> · {task.epic}</span>}
                    <button
                      type="button"
                      className={styles.disclosure}
                      aria-expanded={expanded}
                      aria-controls={detailsId}
                      aria-label={`Details of task ${task.number}`}
                      onClick={() => setOpen(expanded ? null : task.number)}
                    >
                      <span aria-hidden="true">{expanded ? '▾' : '▸'}</span> Details
                    </button>
                    {expanded && (
                      <div id={detailsId} className={styles.taskDetails}>
                        {task.description && <p className={styles.taskDescription}>{task.description}</p>}
                        <Suspense fallback={<Loading label="Loading the task…" />}>
                          <TaskDetails
                            runId={run.id}
                            projectId={run.projectId}
                            task={task.number}
                            snapshots={snapshots.get(task.number)}
                            refresh={executionEvents}
                            events={events}
                            failed={task.status === 'failed'}
                          />
                        </Suspense>
                      </div>
                    )}
                  </span>
                </li>
              );
            })}
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
