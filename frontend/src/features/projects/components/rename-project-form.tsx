import { useRef, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorAlert } from '@/components/ui/error-alert';
import { TextField } from '@/components/ui/text-field';
import { ApiError } from '@/lib/api-client/api-error';
import { focusFirstInvalid, serverFieldErrors } from '@/lib/forms';
import { renameProject } from '../api/projects';
import type { Project } from '../api/types';
import styles from './project-form.module.css';
import { validateName } from './project-validation';

type RenameProjectFormProps = {
  project: Project;
  onRenamed(project: Project): void;
  onCancel(): void;
  /** Loads the project again after a change made elsewhere. */
  onReload(): void;
};

export function RenameProjectForm({ project, onRenamed, onCancel, onReload }: RenameProjectFormProps) {
  const form = useRef<HTMLFormElement>(null);
  const [name, setName] = useState(project.name);
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const invalid = validateName(name);
    setError(invalid);
    setFailure(null);
    if (invalid) {
      requestAnimationFrame(() => focusFirstInvalid(form.current));
      return;
    }
    if (name.trim() === project.name) {
      onCancel();
      return;
    }
    setBusy(true);
    try {
      onRenamed(await renameProject(project, name.trim()));
    } catch (caught) {
      setError(serverFieldErrors(caught, { name: 'name' }).name);
      setFailure(caught);
      setBusy(false);
    }
  }

  const conflict = failure instanceof ApiError && failure.type === 'version-conflict';
  return (
    <form ref={form} className={styles.form} onSubmit={submit} noValidate aria-label="Rename project">
      {failure !== null && (
        <ErrorAlert
          error={failure}
          actions={
            conflict && (
              <Button variant="secondary" onClick={onReload}>
                Reload
              </Button>
            )
          }
        />
      )}
      <TextField label="Project name" value={name} onChange={(e) => setName(e.target.value)} error={error} autoFocus />
      <div className={styles.actions}>
        <Button type="submit" busy={busy}>
          Save name
        </Button>
        <Button variant="secondary" onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
