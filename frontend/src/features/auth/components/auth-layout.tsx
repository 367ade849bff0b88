import type { ReactNode } from 'react';
import styles from './auth-layout.module.css';

/** The frame of the signed-out pages: the name of the product, one card, a line below it. */
export function AuthLayout({ children, footer }: { children: ReactNode; footer: ReactNode }) {
  return (
    <main className={styles.page}>
      <div className={styles.card}>
        <span className={styles.brand}>
          <img src="/favicon.svg" alt="" width={28} height={28} />
          Samokoder
        </span>
        <div className={styles.panel}>{children}</div>
        <p className={styles.muted}>{footer}</p>
      </div>
    </main>
  );
}
