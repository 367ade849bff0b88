import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorAlert } from '@/components/ui/error-alert';
import { TextField } from '@/components/ui/text-field';
import { ApiError } from '@/lib/api-client/api-error';
import { useFormSubmit } from '@/lib/use-form-submit';
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
  const [name, setName] = useState(project.name);
  const { form, errors, failure, busy, onSubmit } = useFormSubmit({
    validate: () => ({ name: validateName(name) }),
    send: async () => {
      if (name.trim() === project.name) {
        onCancel();
      } else {
        onRenamed(await renameProject(project, name.trim()));
      }
    },
    apiFields: { name: 'name' },
  });

  const conflict = failure instanceof ApiError && failure.type === 'version-conflict';
  return (
    <form ref={form} className={styles.form} onSubmit={onSubmit} noValidate aria-label="Rename project">
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
      <TextField label="Project name" value={name} onChange={(e) => setName(e.target.value)} error={errors.name} autoFocus />
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
