import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Button } from './button';
import { ErrorAlert } from './error-alert';
import styles from './confirm-dialog.module.css';

type ConfirmDialogProps = {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** The button that backs out ("Cancel" unless that word would be ambiguous, as for a run's cancel). */
  cancelLabel?: string;
  onConfirm(): void;
  onCancel(): void;
  busy?: boolean;
  error?: unknown;
};

/**
 * A modal question before something that cannot be undone. The native <dialog> traps focus,
 * closes on Escape and gives focus back to the button that opened it.
 */
export function ConfirmDialog({ open, title, children, confirmLabel, cancelLabel = 'Cancel', onConfirm, onCancel, busy = false, error }: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) {
      return;
    }
    if (open && !dialog.open) {
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  return (
    <dialog
      ref={ref}
      className={styles.dialog}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) {
          onCancel();
        }
      }}
    >
      {open && (
        <div className={styles.body}>
          <h2 id={titleId}>{title}</h2>
          {children}
          {error !== undefined && error !== null && <ErrorAlert error={error} />}
          <div className={styles.actions}>
            {/* first in the dialog, so showModal() gives it focus: Enter alone never deletes */}
            <Button variant="secondary" onClick={onCancel} disabled={busy}>
              {cancelLabel}
            </Button>
            <Button variant="danger" onClick={onConfirm} busy={busy}>
              {confirmLabel}
            </Button>
          </div>
        </div>
      )}
    </dialog>
  );
}
