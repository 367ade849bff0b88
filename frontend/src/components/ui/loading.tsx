import styles from './status.module.css';

/** The turning circle of something in progress (decorative: say what is happening beside it). */
export function Spinner() {
  return <span className={styles.spinner} aria-hidden="true" />;
}

/** A load in progress, announced to screen readers once. */
export function Loading({ label }: { label: string }) {
  return (
    <div className={styles.loading} role="status">
      <Spinner />
      <span>{label}</span>
    </div>
  );
}
