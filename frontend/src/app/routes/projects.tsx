import { useLocation } from 'react-router';
import { LinkButton } from '@/components/ui/button';
import { Notice } from '@/components/ui/error-alert';
import { PageTitle } from '@/components/ui/page-title';
import { ProjectList } from '@/features/projects/components/project-list';
import { RunSummary } from '@/features/runs/components/run-summary';
import styles from './page.module.css';

export default function ProjectsRoute() {
  const { state } = useLocation();
  const flash = typeof state?.flash === 'string' ? state.flash : null;
  return (
    <div className={styles.stack}>
      <div className={styles.top}>
        <PageTitle title="Projects" />
        <div className={styles.actions}>
          <LinkButton to="/projects/new">New project</LinkButton>
          <LinkButton to="/projects/import">Import</LinkButton>
        </div>
      </div>
      {flash && <Notice>{flash}</Notice>}
      <ProjectList facts={(project) => <RunSummary projectId={project.id} />} />
    </div>
  );
}
