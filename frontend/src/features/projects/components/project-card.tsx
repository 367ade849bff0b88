import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { projectPagePath } from '@/lib/paths';
import type { Project } from '../api/types';
import styles from './project-card.module.css';
import { AUTONOMY_LABELS, budgetText } from './settings-text';

type ProjectCardProps = {
  project: Project;
  /** More facts as `<div><dt/><dd/></div>` groups, from other features (the runs' status and cost). */
  facts?: ReactNode;
};

export function ProjectCard({ project, facts }: ProjectCardProps) {
  return (
    <article className={styles.card}>
      <h2 className={styles.title}>
        <Link to={projectPagePath(project.id)}>{project.name}</Link>
      </h2>
      {project.description && <p className={styles.description}>{project.description}</p>}
      <dl className={styles.facts}>
        <div>
          <dt>Mode</dt>
          <dd>{AUTONOMY_LABELS[project.settings.autonomy]}</dd>
        </div>
        <div>
          <dt>Budget</dt>
          <dd>{budgetText(project.settings)}</dd>
        </div>
        {facts}
      </dl>
    </article>
  );
}

