import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ChoiceField } from '@/components/ui/choice-field';
import { ErrorAlert } from '@/components/ui/error-alert';
import { TextAreaField } from '@/components/ui/text-field';
import { ApiError } from '@/lib/api-client/api-error';
import { isBlank, length, type FieldErrors } from '@/lib/forms';
import { useFormSubmit } from '@/lib/use-form-submit';
import { startRun } from '../api/runs';
import type { Run, RunKind, RunMode } from '../api/types';
import styles from './run-panel.module.css';

const KINDS: { value: RunKind; label: string; description: string }[] = [
  { value: 'new-app', label: 'New app', description: 'The agents build the app from this description, from the start.' },
  { value: 'change-request', label: 'Change request', description: 'The agents change the app as it is now.' },
];

const MODES: { value: RunMode; label: string; description: string }[] = [
  { value: 'interactive', label: 'Interactive', description: 'The agents ask you when the request leaves a choice open.' },
  { value: 'autonomous', label: 'Autonomous', description: 'The agents decide on their own and keep going.' },
];

// the API's limit (openapi.json: StartRunRequest)
const MAX_REQUEST = 20_000;

type Field = 'request' | 'kind' | 'mode';
type Values = { request: string; kind: RunKind; mode: RunMode };

export function validateRun(values: Values): FieldErrors<Field> {
  if (isBlank(values.request)) {
    return { request: values.kind === 'new-app' ? 'Describe the app to build.' : 'Describe the change to make.' };
  }
  if (length(values.request.trim()) > MAX_REQUEST) {
    return { request: `Use at most ${MAX_REQUEST.toLocaleString('en-US')} characters.` };
  }
  return {};
}

/** What the form needs of the project (the runs feature does not import the projects feature). */
export type RunProject = { id: string; description: string; mode: RunMode };

type StartRunFormProps = {
  project: RunProject;
  /** The project has runs already: a change request is the likelier wish. */
  hasRuns: boolean;
  onStarted(run: Run): void;
  /** Another run is in progress (a 409 `active-run`): show that one. */
  onShowRun(runId: string): void;
};

/** Starts a run: a new app from a description, or a change to the app, interactive or autonomous. */
export function StartRunForm({ project, hasRuns, onStarted, onShowRun }: StartRunFormProps) {
  const [values, setValues] = useState<Values>({
    request: hasRuns ? '' : project.description,
    kind: hasRuns ? 'change-request' : 'new-app',
    mode: project.mode,
  });
  const { form, errors, failure, busy, onSubmit } = useFormSubmit({
    validate: () => validateRun(values),
    send: async () => onStarted(await startRun(project.id, { ...values, request: values.request.trim() })),
    apiFields: { request: 'request', kind: 'kind', mode: 'mode' },
  });
  const activeRunId = failure instanceof ApiError ? failure.activeRunId : undefined;
  const headingId = useId();

  function set<K extends Field>(field: K, value: Values[K]) {
    setValues((current) => ({ ...current, [field]: value }));
  }

  return (
    <form ref={form} className={styles.startForm} onSubmit={onSubmit} noValidate aria-labelledby={headingId}>
      <h3 id={headingId}>{hasRuns ? 'Start another run' : 'Build this app'}</h3>
      {failure !== null && (
        <ErrorAlert
          error={failure}
          actions={
            activeRunId && (
              <Button variant="secondary" onClick={() => onShowRun(activeRunId)}>
                Show the run in progress
              </Button>
            )
          }
        />
      )}
      <TextAreaField
        label={values.kind === 'new-app' ? 'What should the app do?' : 'What should change?'}
        hint={
          values.kind === 'new-app'
            ? 'In plain words: who uses it and what they do with it.'
            : 'In plain words, like “add due dates to the todos”.'
        }
        rows={4}
        value={values.request}
        onChange={(e) => set('request', e.target.value)}
        error={errors.request}
      />
      <div className={styles.choices}>
        <ChoiceField legend="Kind" name="kind" value={values.kind} options={KINDS} onChange={(value) => set('kind', value)} error={errors.kind} />
        <ChoiceField legend="Mode" name="run-mode" value={values.mode} options={MODES} onChange={(value) => set('mode', value)} error={errors.mode} />
      </div>
      <div>
        <Button type="submit" busy={busy}>
          {values.kind === 'new-app' ? 'Build the app' : 'Start the change'}
        </Button>
      </div>
    </form>
  );
}
