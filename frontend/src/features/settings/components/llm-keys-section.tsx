import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { ErrorAlert } from '@/components/ui/error-alert';
import { Loading } from '@/components/ui/loading';
import { TextField } from '@/components/ui/text-field';
import { isBlank, length } from '@/lib/forms';
import { formatDateTime } from '@/lib/format';
import { useFormSubmit } from '@/lib/use-form-submit';
import { useQuery } from '@/lib/use-query';
import { deleteLlmKey, listLlmKeys, putLlmKey } from '../api/settings';
import { LLM_PROVIDERS, type LlmKey, type LlmProvider } from '../api/types';
import styles from './settings.module.css';

export const PROVIDER_NAMES: Record<LlmProvider, string> = {
  openai: 'OpenAI',
  anthropic: 'Anthropic',
  'openai-compatible': 'OpenAI-compatible',
};

/** The person's own model keys (BYOK): which provider has one (its last 4 only), set, replace, remove. */
export function LlmKeysSection() {
  const headingId = useId();
  const keys = useQuery('llm-keys', (signal) => listLlmKeys(signal));
  const [removing, setRemoving] = useState<LlmKey | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  function stored(key: LlmKey) {
    keys.setData((data) => ({ items: [...data.items.filter((k) => k.provider !== key.provider), key] }));
  }

  async function remove() {
    if (!removing) {
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      await deleteLlmKey(removing.provider);
      const provider = removing.provider;
      keys.setData((data) => ({ items: data.items.filter((k) => k.provider !== provider) }));
      setRemoving(null);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h2 id={headingId}>Model keys (bring your own)</h2>
      <p className={styles.muted}>
        Runs use your own provider key when you have one, and the platform’s model (paid from your credit) when not. Keys are encrypted
        at rest; only their last 4 characters are ever shown.
      </p>
      {keys.state.status === 'loading' && <Loading label="Loading model keys…" />}
      {keys.state.status === 'error' && <ErrorAlert error={keys.state.error} onRetry={keys.reload} />}
      {keys.state.status === 'success' && (
        <ul className={styles.keyList} aria-label="Model keys">
          {LLM_PROVIDERS.map((provider) => {
            const key = keys.state.status === 'success' ? keys.state.data.items.find((k) => k.provider === provider) : undefined;
            return (
              <li key={provider} className={styles.keyItem}>
                <div>
                  <strong>{PROVIDER_NAMES[provider]}</strong>{' '}
                  {key ? (
                    <>
                      <code aria-label={`key ending in ${key.last4}`}>••••{key.last4}</code>
                      <div className={styles.muted}>
                        {key.baseUrl ? `${key.baseUrl} · ` : ''}updated {formatDateTime(key.updatedAt)}
                        {key.lastUsedAt ? ` · last used ${formatDateTime(key.lastUsedAt)}` : ' · not used yet'}
                      </div>
                    </>
                  ) : (
                    <span className={styles.muted}>No key</span>
                  )}
                </div>
                {key && (
                  <Button variant="secondary" onClick={() => setRemoving(key)} aria-label={`Remove ${PROVIDER_NAMES[provider]} key`}>
                    Remove
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <ConfirmDialog
        open={removing !== null}
        title={`Remove your ${removing ? PROVIDER_NAMES[removing.provider] : ''} key?`}
        confirmLabel="Remove key"
        onConfirm={remove}
        onCancel={() => {
          setRemoving(null);
          setFailure(null);
        }}
        busy={busy}
        error={failure}
      >
        <p>Runs stop using it at once; without another key they use the platform’s model, paid from your credit.</p>
      </ConfirmDialog>
      <LlmKeyForm onStored={stored} />
    </section>
  );
}

type Field = 'apiKey' | 'baseUrl';

function LlmKeyForm({ onStored }: { onStored(key: LlmKey): void }) {
  const [provider, setProvider] = useState<LlmProvider>('openai');
  const [apiKey, setApiKey] = useState('');
  const [baseUrl, setBaseUrl] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const providerId = useId();
  const needsBaseUrl = provider === 'openai-compatible';
  const { form, errors, failure, busy, onSubmit } = useFormSubmit<Field>({
    apiFields: { apiKey: 'apiKey', baseUrl: 'baseUrl' },
    validate: () => ({
      apiKey: isBlank(apiKey) ? 'Paste the key from your provider’s dashboard.' : length(apiKey.trim()) < 8 || length(apiKey) > 512 ? 'That does not look like a key (8 to 512 characters).' : undefined,
      baseUrl: needsBaseUrl && !/^https?:\/\/\S+$/.test(baseUrl.trim()) ? 'The server’s address, e.g. https://llm.example.com/v1.' : undefined,
    }),
    send: async () => {
      setSaved(null);
      const key = await putLlmKey(provider, apiKey.trim(), needsBaseUrl ? baseUrl.trim() : undefined);
      // the secret leaves the page's state as soon as the API has it
      setApiKey('');
      setSaved(`${PROVIDER_NAMES[provider]} key ending in ${key.last4} saved.`);
      onStored(key);
    },
  });

  return (
    <form ref={form} className={styles.form} onSubmit={onSubmit} noValidate aria-label="Save a model key">
      <h3>Add or replace a key</h3>
      {failure !== null && <ErrorAlert error={failure} />}
      <div className={styles.toolbar}>
        <label htmlFor={providerId}>Provider</label>
        <select id={providerId} className={styles.select} value={provider} onChange={(event) => setProvider(event.target.value as LlmProvider)}>
          {LLM_PROVIDERS.map((p) => (
            <option key={p} value={p}>
              {PROVIDER_NAMES[p]}
            </option>
          ))}
        </select>
      </div>
      <TextField
        label="API key"
        type="password"
        autoComplete="off"
        spellCheck={false}
        value={apiKey}
        onChange={(event) => setApiKey(event.target.value)}
        error={errors.apiKey}
      />
      {needsBaseUrl && (
        <TextField
          label="Base URL"
          type="url"
          value={baseUrl}
          onChange={(event) => setBaseUrl(event.target.value)}
          error={errors.baseUrl}
          hint="The OpenAI-compatible server’s API address."
        />
      )}
      <div>
        <Button type="submit" busy={busy}>
          Save key
        </Button>
      </div>
      <p role="status" className={styles.muted}>
        {saved}
      </p>
    </form>
  );
}
