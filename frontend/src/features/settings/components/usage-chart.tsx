import { useId } from 'react';
import { formatUsd } from '@/lib/format';
import type { CostBar } from './usage-data';
import styles from './settings.module.css';

/**
 * Cost per project as horizontal bars, drawn with CSS (no chart library). It is a list a screen
 * reader reads as "Project, $1.20 (own keys $1.00, platform $0.20)"; the bars are decoration.
 */
export function UsageChart({ bars, title }: { bars: CostBar[]; title: string }) {
  const titleId = useId();
  return (
    <figure className={styles.chart} aria-labelledby={titleId}>
      <figcaption id={titleId} className={styles.chartTitle}>{title}</figcaption>
      <ul className={styles.bars}>
        {bars.map((bar) => (
          <li key={bar.projectId} className={styles.barRow}>
            <span className={styles.barLabel}>{bar.label}</span>
            <span className={styles.barTrack} aria-hidden="true">
              <span className={styles.barFill} style={{ width: `${Math.max(bar.fraction * 100, 1)}%` }} data-testid="cost-bar">
                {bar.totalUsd > 0 && (
                  <>
                    <span className={styles.barByok} style={{ flexGrow: bar.byokUsd }} />
                    <span className={styles.barPlatform} style={{ flexGrow: bar.platformUsd }} />
                  </>
                )}
              </span>
            </span>
            <span className={styles.barValue}>
              {formatUsd(bar.totalUsd)}
              <span className="visually-hidden">
                {' '}
                (own keys {formatUsd(bar.byokUsd)}, platform {formatUsd(bar.platformUsd)})
              </span>
            </span>
          </li>
        ))}
      </ul>
      <p className={styles.legend} aria-hidden="true">
        <span className={styles.legendByok} /> Your keys <span className={styles.legendPlatform} /> Platform
      </p>
    </figure>
  );
}
