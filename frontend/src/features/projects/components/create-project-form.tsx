import { useState } from 'react';
import { Button, LinkButton } from '@/components/ui/button';
import { ChoiceField } from '@/components/ui/choice-field';
import { ErrorAlert } from '@/components/ui/error-alert';
import { TextAreaField, TextField } from '@/components/ui/text-field';
import { useFormSubmit } from '@/lib/use-form-submit';
import { createProject } from '../api/projects';
import type { Autonomy, Project } from '../api/types';
import styles from './project-form.module.css';
import { PROJECT_API_FIELDS, toNewProject, validateProject, type ProjectFormField, type ProjectFormValues } from './project-validation';

const MODES: { value: Autonomy; label: string; description: string }[] = [
  { value: 'interactive', label: 'Interactive', description: 'The agents ask you when the description leaves a choice open.' },
  { value: 'autonomous', label: 'Autonomous', description: 'The agents decide on their own and keep going.' },
];

export function CreateProjectForm({ onCreated }: { onCreated(project: Project): void }) {
  const [values, setValues] = useState<ProjectFormValues>({ name: '', description: '', autonomy: 'interactive', budget: '' });
  const { form, errors, failure, busy, onSubmit } = useFormSubmit({
    validate: () => validateProject(values),
    send: async () => onCreated(await createProject(toNewProject(values))),
    apiFields: PROJECT_API_FIELDS,
  });

  function set<K extends ProjectFormField>(field: K, value: ProjectFormValues[K]) {
    setValues((current) => ({ ...current, [field]: value }));
  }

  return (
    <form ref={form} className={styles.form} onSubmit={onSubmit} noValidate>
      {failure !== null && <ErrorAlert error={failure} />}
      <TextField label="Name" value={values.name} onChange={(e) => set('name', e.target.value)} error={errors.name} autoComplete="off" />
      <TextAreaField
        label="Description"
        optional
        hint="Describe the app in plain words: who uses it and what they do with it."
        rows={6}
        value={values.description}
        onChange={(e) => set('description', e.target.value)}
        error={errors.description}
      />
      <ChoiceField
        legend="Mode"
        name="autonomy"
        value={values.autonomy}
        options={MODES}
        onChange={(value) => set('autonomy', value)}
        error={errors.autonomy}
      />
      <div className={styles.budget}>
        <TextField
          label="Budget in USD"
          optional
          hint="Most this project may spend on AI models."
          inputMode="decimal"
          value={values.budget}
          onChange={(e) => set('budget', e.target.value)}
          error={errors.budget}
        />
      </div>
      <div className={styles.actions}>
        <Button type="submit" busy={busy}>
          Create project
        </Button>
        <LinkButton to="/projects" variant="secondary">
          Cancel
        </LinkButton>
      </div>
    </form>
  );
}
