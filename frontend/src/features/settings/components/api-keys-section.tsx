import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorAlert } from '@/components/ui/error-alert';
import { Loading } from '@/components/ui/loading';
import { TextField } from '@/components/ui/text-field';
import { isBlank, length } from '@/lib/forms';
import { formatDateTime } from '@/lib/format';
import { useFormSubmit } from '@/lib/use-form-submit';
import { useQuery } from '@/lib/use-query';
import { createApiKey, deleteApiKey, listApiKeys } from '../api/settings';
import { API_KEY_SCOPES, type ApiKey, type ApiKeyScope, type CreatedApiKey } from '../api/types';
import { CreatedKey } from './created-key';
import styles from './settings.module.css';

const SCOPE_TEXT: Record<ApiKeyScope, string> = {
  'projects:read': 'Read projects and their files',
  'projects:write': 'Create, change and delete projects',
  'runs:write': 'Start, answer and cancel runs',
  'usage:read': 'Read usage and credit',
};

/** API keys for programs: the list (prefixes only), creating one (its secret shown once), revoking. */
export function ApiKeysSection() {
  const headingId = useId();
  const keys = useQuery('api-keys', (signal) => listApiKeys(signal));
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);

  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h2 id={headingId}>API keys</h2>
      <p className={styles.muted}>
        Programs call the API with a key: send it as <code>Authorization: Bearer sk_…</code>. A key can do only what its scopes allow
        and can never manage keys.
      </p>
      {created && <CreatedKey created={created} onDone={() => setCreated(null)} />}
      {keys.state.status === 'loading' && <Loading label="Loading API keys…" />}
      {keys.state.status === 'error' && <ErrorAlert error={keys.state.error} onRetry={keys.reload} />}
      {keys.state.status === 'success' &&
        (keys.state.data.items.length === 0 ? (
          <EmptyState title="No API keys yet">Create one below for a script or CI job.</EmptyState>
        ) : (
          <ul className={styles.keyList} aria-label="API keys">
            {keys.state.data.items.map((key) => (
              <li key={key.id} className={styles.keyItem}>
                <div>
                  <strong>{key.name}</strong> <code>{key.prefix}…</code>
                  <div className={styles.muted}>
                    {key.scopes.join(', ')} · created {formatDateTime(key.createdAt)}
                    {key.expiresAt ? ` · expires ${formatDateTime(key.expiresAt)}` : ''}
                    {key.lastUsedAt ? ` · last used ${formatDateTime(key.lastUsedAt)}` : ' · never used'}
                    {key.usage?.requests !== undefined ? ` · ${key.usage.requests} requests this month` : ''}
                  </div>
                </div>
                <Button variant="secondary" onClick={() => setRevoking(key)} aria-label={`Revoke ${key.name}`}>
                  Revoke
                </Button>
              </li>
            ))}
          </ul>
        ))}
      <RevokeDialog
        apiKey={revoking}
        onClose={() => setRevoking(null)}
        onRevoked={(id) => {
          keys.setData((data) => ({ items: data.items.filter((key) => key.id !== id) }));
          setRevoking(null);
        }}
      />
      <CreateApiKeyForm
        onCreated={(key) => {
          setCreated(key);
          keys.reload();
        }}
      />
    </section>
  );
}

function RevokeDialog({ apiKey, onClose, onRevoked }: { apiKey: ApiKey | null; onClose(): void; onRevoked(id: string): void }) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  async function confirm() {
    if (!apiKey) {
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      await deleteApiKey(apiKey.id);
      onRevoked(apiKey.id);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <ConfirmDialog
      open={apiKey !== null}
      title={`Revoke “${apiKey?.name ?? ''}”?`}
      confirmLabel="Revoke key"
      onConfirm={confirm}
      onCancel={() => {
        setFailure(null);
        onClose();
      }}
      busy={busy}
      error={failure}
    >
      <p>Programs using the key {apiKey?.prefix}… are refused from the next request. This cannot be undone.</p>
    </ConfirmDialog>
  );
}

type Field = 'name' | 'scopes' | 'expiresAt';

function CreateApiKeyForm({ onCreated }: { onCreated(key: CreatedApiKey): void }) {
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiKeyScope[]>(['projects:read']);
  const [expires, setExpires] = useState('');
  const scopesId = useId();
  const { form, errors, failure, busy, onSubmit } = useFormSubmit<Field>({
    apiFields: { name: 'name', scopes: 'scopes', expiresAt: 'expiresAt' },
    validate: () => ({
      name: isBlank(name) ? 'Give the key a name, e.g. the program that uses it.' : length(name) > 100 ? 'At most 100 characters.' : undefined,
      scopes: scopes.length === 0 ? 'Pick at least one scope.' : undefined,
      expiresAt: expires && new Date(`${expires}T23:59:59Z`).getTime() <= Date.now() ? 'Pick a day in the future.' : undefined,
    }),
    send: async () => {
      const created = await createApiKey({
        name: name.trim(),
        scopes,
        ...(expires ? { expiresAt: new Date(`${expires}T23:59:59Z`).toISOString() } : {}),
      });
      setName('');
      setExpires('');
      onCreated(created);
    },
  });

  function toggle(scope: ApiKeyScope, on: boolean) {
    setScopes((current) => (on ? API_KEY_SCOPES.filter((s) => s === scope || current.includes(s)) : current.filter((s) => s !== scope)));
  }

  return (
    <form ref={form} className={styles.form} onSubmit={onSubmit} noValidate aria-label="Create an API key">
      <h3>Create an API key</h3>
      {failure !== null && <ErrorAlert error={failure} />}
      <TextField label="Key name" value={name} onChange={(event) => setName(event.target.value)} error={errors.name} maxLength={100} />
      <fieldset className={styles.fieldset} aria-describedby={errors.scopes ? `${scopesId}-error` : undefined}>
        <legend>Scopes</legend>
        {API_KEY_SCOPES.map((scope) => (
          <label key={scope} className={styles.check}>
            <input
              type="checkbox"
              checked={scopes.includes(scope)}
              onChange={(event) => toggle(scope, event.target.checked)}
              aria-invalid={errors.scopes ? true : undefined}
            />
            <span>
              <code>{scope}</code> — {SCOPE_TEXT[scope]}
            </span>
          </label>
        ))}
        {errors.scopes && (
          <span id={`${scopesId}-error`} className={styles.error}>
            {errors.scopes}
          </span>
        )}
      </fieldset>
      <TextField
        label="Expires on"
        optional
        type="date"
        value={expires}
        onChange={(event) => setExpires(event.target.value)}
        error={errors.expiresAt}
        hint="Without a date the key lasts until you revoke it (at most 730 days ahead)."
      />
      <div>
        <Button type="submit" busy={busy}>
          Create key
        </Button>
      </div>
    </form>
  );
}
