import { useState, type ReactNode } from 'react';
import { Button, LinkButton } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorAlert } from '@/components/ui/error-alert';
import { Loading } from '@/components/ui/loading';
import { useQuery } from '@/lib/use-query';
import { listProjects } from '../api/projects';
import type { Project, ProjectPage } from '../api/types';
import { ProjectCard } from './project-card';
import styles from './project-list.module.css';

/** The person's projects, newest first, a page at a time; `facts` adds to each card. */
export function ProjectList({ facts }: { facts?: (project: Project) => ReactNode }) {
  const first = useQuery('projects', (signal) => listProjects(undefined, signal));
  const [more, setMore] = useState<{ busy: boolean; error: unknown }>({ busy: false, error: null });

  if (first.state.status === 'loading') {
    return <Loading label="Loading your projects…" />;
  }
  if (first.state.status === 'error') {
    return <ErrorAlert error={first.state.error} onRetry={first.reload} />;
  }
  const page = first.state.data;
  if (page.items.length === 0) {
    return (
      <EmptyState title="No projects yet" action={<LinkButton to="/projects/new">Create your first project</LinkButton>}>
        Describe an app in plain words and the agents build it, test it, and hand you the code.
      </EmptyState>
    );
  }

  async function loadMore(cursor: string) {
    setMore({ busy: true, error: null });
    try {
      const next = await listProjects(cursor);
      first.setData((loaded: ProjectPage) => ({ items: [...loaded.items, ...next.items], ...(next.nextCursor ? { nextCursor: next.nextCursor } : {}) }));
      setMore({ busy: false, error: null });
    } catch (error) {
      setMore({ busy: false, error });
    }
  }

  const cursor = page.nextCursor;
  return (
    <>
      <ul className={styles.list} aria-label="Projects">
        {page.items.map((project) => (
          <li key={project.id}>
            <ProjectCard project={project} facts={facts?.(project)} />
          </li>
        ))}
      </ul>
      {cursor && (
        <div className={styles.more}>
          {more.error !== null && <ErrorAlert error={more.error} />}
          <Button variant="secondary" busy={more.busy} onClick={() => loadMore(cursor)}>
            Show more projects
          </Button>
        </div>
      )}
    </>
  );
}
