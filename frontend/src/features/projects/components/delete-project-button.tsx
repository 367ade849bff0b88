import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { deleteProject } from '../api/projects';
import type { Project } from '../api/types';

export function DeleteProjectButton({ project, onDeleted }: { project: Project; onDeleted(): void }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  async function confirm() {
    setBusy(true);
    setFailure(null);
    try {
      await deleteProject(project);
      onDeleted();
    } catch (error) {
      setFailure(error);
      setBusy(false);
    }
  }

  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Delete
      </Button>
      <ConfirmDialog
        open={open}
        title={`Delete “${project.name}”?`}
        confirmLabel="Delete project"
        onConfirm={confirm}
        onCancel={() => {
          setOpen(false);
          setFailure(null);
        }}
        busy={busy}
        error={failure}
      >
        <p>The project and all its files will be deleted. This cannot be undone.</p>
      </ConfirmDialog>
    </>
  );
}
