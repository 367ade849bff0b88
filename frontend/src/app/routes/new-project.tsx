import { Link, useNavigate } from 'react-router';
import { PageTitle } from '@/components/ui/page-title';
import { CreateProjectForm } from '@/features/projects/components/create-project-form';
import { projectPagePath } from '@/lib/paths';
import styles from './page.module.css';

export default function NewProjectRoute() {
  const navigate = useNavigate();
  return (
    <div className={styles.stack}>
      <Link className={styles.back} to="/projects">
        ← Projects
      </Link>
      <PageTitle title="New project" />
      <CreateProjectForm onCreated={(project) => navigate(projectPagePath(project.id))} />
    </div>
  );
}
