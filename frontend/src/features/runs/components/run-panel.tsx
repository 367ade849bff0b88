import { useId } from 'react';
import { EmptyState } from '@/components/ui/empty-state';
import styles from './run-panel.module.css';

/**
 * The project page's run area: which agent works, the plan, questions, progress and cost. The
 * runs API does not exist yet, so a project never has a run; everything about runs lives under
 * features/runs and the project page only places this panel.
 */
export function RunPanel() {
  const headingId = useId();
  return (
    <section className={styles.panel} aria-labelledby={headingId}>
      <h2 id={headingId}>Runs</h2>
      <EmptyState title="No runs yet">
        When the agents build this app, you will follow their work here: the plan, their questions for you, and the
        cost so far.
      </EmptyState>
    </section>
  );
}
