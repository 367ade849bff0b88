import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { ErrorAlert, Notice } from '@/components/ui/error-alert';
import { Loading } from '@/components/ui/loading';
import { PageTitle } from '@/components/ui/page-title';
import { DownloadZipButton } from '@/features/files/components/download-zip-button';
import { FilesPanel } from '@/features/files/components/files-panel';
import { PreviewPanel } from '@/features/preview/components/preview-panel';
import { getProject } from '@/features/projects/api/projects';
import { ProjectHeader } from '@/features/projects/components/project-header';
import { RunPanel } from '@/features/runs/components/run-panel';
import { ApiError } from '@/lib/api-client/api-error';
import { useQuery } from '@/lib/use-query';
import styles from './page.module.css';

/**
 * A project: its header, the run area (live while a run works), the app's live preview, and its
 * files. The selected file is `?file=`.
 */
export default function ProjectRoute() {
  const { projectId = '' } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  // what the page that led here has to say (an import: how many files came in, what was left out)
  const { state } = useLocation();
  const flash = typeof state?.flash === 'string' ? state.flash : null;
  const project = useQuery(`project/${projectId}`, (signal) => getProject(projectId, signal));
  // each run that ends while the page is open changed the files: read them again
  const [runsEnded, setRunsEnded] = useState(0);

  const back = (
    <Link className={styles.back} to="/projects">
      ← Projects
    </Link>
  );
  if (project.state.status === 'loading') {
    return (
      <div className={styles.stack}>
        {back}
        <Loading label="Loading the project…" />
      </div>
    );
  }
  if (project.state.status === 'error') {
    const error = project.state.error;
    // another person's project answers 404 exactly like a missing one, and reads the same here
    if (error instanceof ApiError && error.status === 404) {
      return (
        <div className={styles.stack}>
          {back}
          <PageTitle title="Project not found" />
          <p>This project does not exist, or it belongs to someone else.</p>
        </div>
      );
    }
    return (
      <div className={styles.stack}>
        {back}
        <PageTitle title="Project" />
        <ErrorAlert error={error} onRetry={project.reload} />
      </div>
    );
  }

  const current = project.state.data;
  return (
    <div className={styles.stack}>
      {back}
      <ProjectHeader
        project={current}
        onChanged={(changed) => project.setData(() => changed)}
        onReload={project.reload}
        onDeleted={() => navigate('/projects', { replace: true, state: { flash: `Deleted “${current.name}”.` } })}
        actions={<DownloadZipButton projectId={current.id} />}
      />
      {flash && <Notice>{flash}</Notice>}
      <RunPanel
        project={{ id: current.id, description: current.description, mode: current.settings.autonomy }}
        onRunEnded={() => setRunsEnded((n) => n + 1)}
      />
      <PreviewPanel projectId={current.id} projectName={current.name} refreshKey={runsEnded} />
      <FilesPanel
        projectId={current.id}
        refreshKey={runsEnded}
        selectedPath={params.get('file')}
        hrefFor={(path) => `?${new URLSearchParams({ file: path })}`}
      />
    </div>
  );
}
