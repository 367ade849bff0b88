import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { ErrorAlert } from '@/components/ui/error-alert';
import { cancelRun, resumeRun } from '../api/runs';
import type { Run } from '../api/types';
import { canCancel, canResume } from './run-state';
import styles from './run-view.module.css';

type RunActionsProps = {
  run: Run;
  /** The action was taken: read the run again now. */
  onActed(): void;
};

/** Cancel (after confirming) and resume; the API's refusal (409 `run-state`) is shown with its reason. */
export function RunActions({ run, onActed }: RunActionsProps) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState<'cancel' | 'resume' | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  async function act(which: 'cancel' | 'resume') {
    setBusy(which);
    setFailure(null);
    try {
      await (which === 'cancel' ? cancelRun(run.id) : resumeRun(run.id));
      setConfirming(false);
      onActed();
    } catch (error) {
      setFailure(error);
      if (which === 'cancel') {
        // the dialog shows the failure; the run may have ended meanwhile, which the next reading shows
        onActed();
      }
    } finally {
      setBusy(null);
    }
  }

  const cancellable = canCancel(run);
  const resumable = canResume(run);
  if (!cancellable && !resumable && failure === null) {
    return null;
  }
  return (
    <div className={styles.actions}>
      <div className={styles.actionButtons}>
        {resumable && (
          <Button onClick={() => act('resume')} busy={busy === 'resume'}>
            Resume run
          </Button>
        )}
        {cancellable && (
          <Button
            variant="secondary"
            onClick={() => {
              setFailure(null);
              setConfirming(true);
            }}
          >
            Cancel run
          </Button>
        )}
      </div>
      {failure !== null && !confirming && <ErrorAlert error={failure} />}
      <ConfirmDialog
        open={confirming}
        title="Cancel this run?"
        confirmLabel="Cancel run"
        cancelLabel="Keep running"
        onConfirm={() => act('cancel')}
        onCancel={() => {
          setConfirming(false);
          setFailure(null);
        }}
        busy={busy === 'cancel'}
        error={confirming ? failure : null}
      >
        <p>The agents stop at their next step. The files go back to how they were after the last finished task.</p>
      </ConfirmDialog>
    </div>
  );
}
