import type { ReactNode } from 'react';
import { describeError } from '@/lib/api-client/describe-error';
import { Button } from './button';
import styles from './status.module.css';

type ErrorAlertProps = {
  error: unknown;
  /** Shows a "Try again" button that runs it (a failed load, a dropped connection). */
  onRetry?: () => void;
  /** More actions next to it, e.g. a Reload after a version conflict. */
  actions?: ReactNode;
};

/** Any failure as words a person can act on: the problem's title and detail, never a blank screen. */
export function ErrorAlert({ error, onRetry, actions }: ErrorAlertProps) {
  const { title, detail } = describeError(error);
  return (
    <div className={styles.alert} role="alert">
      <strong>{title}</strong>
      {detail && <p>{detail}</p>}
      {(onRetry || actions) && (
        <div className={styles.alertActions}>
          {onRetry && (
            <Button variant="secondary" onClick={onRetry}>
              Try again
            </Button>
          )}
          {actions}
        </div>
      )}
    </div>
  );
}

/** A calm message that is not an error (why the person was signed out). */
export function Notice({ children }: { children: ReactNode }) {
  return (
    <p className={styles.notice} role="status">
      {children}
    </p>
  );
}
