import { Link, useNavigate } from 'react-router';
import { PageTitle } from '@/components/ui/page-title';
import { ImportProjectForm } from '@/features/projects/components/import-project-form';
import { importedNotice } from '@/features/projects/components/import-validation';
import { projectPagePath } from '@/lib/paths';
import styles from './page.module.css';

export default function ImportProjectRoute() {
  const navigate = useNavigate();
  return (
    <div className={styles.stack}>
      <Link className={styles.back} to="/projects">
        ← Projects
      </Link>
      <PageTitle title="Import a project" />
      <ImportProjectForm
        onImported={(imported) => navigate(projectPagePath(imported.project.id), { state: { flash: importedNotice(imported) } })}
      />
    </div>
  );
}
