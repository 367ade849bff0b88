import { useState } from 'react';
import { Button } from '@/components/ui/button';
import type { CreatedApiKey } from '../api/types';
import styles from './settings.module.css';

/**
 * The new key's secret, shown this once: the API never sends it again. It lives only in the
 * state of the section that created it, so "Done" or leaving the page forgets it.
 */
export function CreatedKey({ created, onDone }: { created: CreatedApiKey; onDone(): void }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(created.key);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  }

  return (
    <div className={styles.secret} role="region" aria-label="Your new API key">
      <strong>Copy your new key “{created.name}” now</strong>
      <p>You will not see it again. Store it where your program reads secrets; if you lose it, revoke it and create another.</p>
      <div className={styles.secretRow}>
        <input
          className={styles.secretValue}
          readOnly
          value={created.key}
          aria-label="New API key"
          spellCheck={false}
          autoComplete="off"
          onFocus={(event) => event.currentTarget.select()}
        />
        <Button variant="secondary" onClick={copy}>
          Copy
        </Button>
        <Button onClick={onDone}>Done</Button>
      </div>
      <p role="status" className={styles.muted}>
        {copied === 'yes' && 'Copied to the clipboard.'}
        {copied === 'failed' && 'Could not copy: select the key and copy it yourself.'}
      </p>
    </div>
  );
}
