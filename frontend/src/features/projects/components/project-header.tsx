import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { PageTitle } from '@/components/ui/page-title';
import { formatDateTime } from '@/lib/format';
import type { Project } from '../api/types';
import { DeleteProjectButton } from './delete-project-button';
import styles from './project-header.module.css';
import { RenameProjectForm } from './rename-project-form';
import { AUTONOMY_LABELS, budgetText } from './settings-text';

type ProjectHeaderProps = {
  project: Project;
  onChanged(project: Project): void;
  onReload(): void;
  onDeleted(): void;
  /** More buttons next to Rename and Delete (the files' download). */
  actions?: ReactNode;
};

/** The project's name, description and settings, with rename and delete. */
export function ProjectHeader({ project, onChanged, onReload, onDeleted, actions }: ProjectHeaderProps) {
  const [renaming, setRenaming] = useState(false);
  const renameButton = useRef<HTMLButtonElement>(null);
  const wasRenaming = useRef(false);

  useEffect(() => {
    if (wasRenaming.current && !renaming) {
      // the form that had focus is gone: give it back to the button that opened it
      renameButton.current?.focus();
    }
    wasRenaming.current = renaming;
  }, [renaming]);

  function stopRenaming() {
    setRenaming(false);
  }

  return (
    <header className={styles.header}>
      <div className={styles.top}>
        <PageTitle title={project.name} className={styles.title} />
        <div className={styles.actions}>
          {actions}
          {!renaming && (
            <Button ref={renameButton} variant="secondary" onClick={() => setRenaming(true)}>
              Rename
            </Button>
          )}
          <DeleteProjectButton project={project} onDeleted={onDeleted} />
        </div>
      </div>
      {renaming && (
        <RenameProjectForm
          project={project}
          onRenamed={(renamed) => {
            onChanged(renamed);
            stopRenaming();
          }}
          onCancel={stopRenaming}
          onReload={() => {
            stopRenaming();
            onReload();
          }}
        />
      )}
      {project.description && <p className={styles.description}>{project.description}</p>}
      <dl className={styles.facts}>
        <div>
          <dt>Mode:</dt>
          <dd>{AUTONOMY_LABELS[project.settings.autonomy]}</dd>
        </div>
        <div>
          <dt>Budget:</dt>
          <dd>{budgetText(project.settings)}</dd>
        </div>
        <div>
          <dt>Created:</dt>
          <dd>{formatDateTime(project.createdAt)}</dd>
        </div>
      </dl>
    </header>
  );
}
