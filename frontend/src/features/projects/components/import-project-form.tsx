import { useState } from 'react';
import { Button, LinkButton } from '@/components/ui/button';
import { ErrorAlert } from '@/components/ui/error-alert';
import { TextAreaField, TextField } from '@/components/ui/text-field';
import { isBlank } from '@/lib/forms';
import { useFormSubmit } from '@/lib/use-form-submit';
import { importProject } from '../api/projects';
import type { ImportedProject } from '../api/types';
import { IMPORT_API_FIELDS, nameFromFile, toNewImport, validateImport, type ImportFormValues } from './import-validation';
import styles from './project-form.module.css';

/**
 * A new project from a zip archive of an existing one (a repository's download). The archive goes
 * as it is; the API checks it whole and imports all of it or nothing, and its problem says why.
 */
export function ImportProjectForm({ onImported }: { onImported(imported: ImportedProject): void }) {
  const [values, setValues] = useState<ImportFormValues>({ name: '', description: '', archive: null });
  const { form, errors, failure, busy, onSubmit } = useFormSubmit({
    validate: () => validateImport(values),
    send: async () => onImported(await importProject(toNewImport(values))),
    apiFields: IMPORT_API_FIELDS,
  });

  function choose(archive: File | null) {
    // the file's name is a good first name for the project, unless one was typed already
    setValues((current) => {
      const suggested = isBlank(current.name) || (current.archive !== null && current.name === nameFromFile(current.archive.name));
      return { ...current, archive, name: archive !== null && suggested ? nameFromFile(archive.name) : current.name };
    });
  }

  return (
    <form ref={form} className={styles.form} onSubmit={onSubmit} noValidate>
      {failure !== null && <ErrorAlert error={failure} />}
      <TextField
        label="Zip archive"
        type="file"
        accept=".zip,application/zip"
        hint="Its files become the project’s files; .git/ and node_modules/ are left out; at most 4 MB."
        onChange={(e) => choose(e.target.files?.[0] ?? null)}
        error={errors.archive}
      />
      <TextField
        label="Name"
        value={values.name}
        onChange={(e) => setValues((current) => ({ ...current, name: e.target.value }))}
        error={errors.name}
        autoComplete="off"
      />
      <TextAreaField
        label="Description"
        optional
        hint="What the app is and who uses it, in plain words."
        rows={4}
        value={values.description}
        onChange={(e) => setValues((current) => ({ ...current, description: e.target.value }))}
        error={errors.description}
      />
      <div className={styles.actions}>
        <Button type="submit" busy={busy}>
          {busy ? 'Importing…' : 'Import project'}
        </Button>
        <LinkButton to="/projects" variant="secondary">
          Cancel
        </LinkButton>
      </div>
    </form>
  );
}
