import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorAlert, Notice } from '@/components/ui/error-alert';
import { Loading, Spinner } from '@/components/ui/loading';
import { formatDateTime } from '@/lib/format';
import { getPreview, startPreview, stopPreview } from '../api/preview';
import type { Preview } from '../api/types';
import styles from './preview-panel.module.css';
import { usePreview } from './use-preview';

/**
 * The frame may run the app's scripts, send its forms and open its links in new tabs. Its own
 * origin (never the platform's) is what keeps it from the person's session, so it keeps that origin.
 */
export const FRAME_SANDBOX = 'allow-scripts allow-forms allow-same-origin allow-popups';

type PreviewPanelProps = {
  projectId: string;
  /** Names the frame: "Preview of <name>". */
  projectName: string;
  /** A change reads the preview again at once (a run ended: its files changed). */
  refreshKey?: number;
};

type Action = 'start' | 'stop' | 'reload';

/** What the frame shows: one address per preview, set again only by Reload (a ticket works once). */
type Frame = { previewId: string; src: string; loads: number };

/**
 * The project's live preview: the app running in the sandbox from its current files, shown in a
 * frame from an origin of its own, with its output while it starts and why it failed or stopped.
 * Read every 2 s while it starts and every 10 s while it runs.
 */
export function PreviewPanel({ projectId, projectName, refreshKey = 0 }: PreviewPanelProps) {
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const panel = useRef<HTMLElement>(null);
  const watch = usePreview(projectId);
  const { preview, pollNow } = watch;
  const [busy, setBusy] = useState<Action | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [frame, setFrame] = useState<Frame | null>(null);
  const acted = useRef(false);

  // the frame opens once per preview, at the address of the answer that first saw it running (a
  // fresh ticket); later readings bring new tickets for the link and leave the frame alone
  if (preview?.status === 'running' && frame?.previewId !== preview.id) {
    setFrame({ previewId: preview.id, src: preview.url, loads: (frame?.loads ?? 0) + 1 });
  }

  // the frame spends its ticket: read again for an unspent one, so "Open in new tab" works at once
  const frameSrc = frame?.src;
  useEffect(() => {
    if (frameSrc) {
      pollNow();
    }
  }, [frameSrc, pollNow]);

  // a run that ended changed the files: say so now, not at the next reading
  const seenRefresh = useRef(refreshKey);
  useEffect(() => {
    if (refreshKey !== seenRefresh.current) {
      seenRefresh.current = refreshKey;
      pollNow();
    }
  }, [refreshKey, pollNow]);

  // the button pressed is gone with the state it belonged to: keep focus in the panel
  const status = preview?.status;
  useEffect(() => {
    if (acted.current && busy === null) {
      acted.current = false;
      if (!panel.current?.contains(document.activeElement)) {
        heading.current?.focus();
      }
    }
  }, [busy, status]);

  async function act(action: Action) {
    acted.current = true;
    setBusy(action);
    setFailure(null);
    try {
      const send = action === 'start' ? startPreview : action === 'stop' ? stopPreview : getPreview;
      const answer = await watch.apply(() => send(projectId));
      if (action === 'reload' && answer.status === 'running') {
        setFrame((current) => ({ previewId: answer.id, src: answer.url, loads: (current?.loads ?? 0) + 1 }));
      }
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(null);
    }
  }

  const controls = { busy, failure, act };
  let body: ReactNode;
  if (preview === undefined) {
    body =
      watch.error === null ? <Loading label="Loading the preview…" /> : <ErrorAlert error={watch.error} onRetry={pollNow} />;
  } else if (preview === null) {
    body = (
      <>
        <p>The preview runs the app’s current files in the sandbox, so you can try the app here.</p>
        <Controls {...controls} buttons={[{ action: 'start', label: 'Start preview' }]} />
      </>
    );
  } else {
    body = (
      <>
        {watch.error !== null && (
          // the last reading failed; the panel keeps what it had and polling tries again by itself
          <ErrorAlert error={watch.error} onRetry={pollNow} />
        )}
        <PreviewState preview={preview} projectName={projectName} frame={frame} controls={controls} />
      </>
    );
  }

  return (
    <section ref={panel} className={styles.panel} aria-labelledby={headingId}>
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        Preview
      </h2>
      {body}
    </section>
  );
}

type ControlsProps = {
  busy: Action | null;
  failure: unknown;
  act(action: Action): void;
};

function PreviewState({ preview, projectName, frame, controls }: { preview: Preview; projectName: string; frame: Frame | null; controls: ControlsProps }) {
  const message = preview.message?.trim() || null;
  const log = preview.log?.trim() || null;

  if (preview.status === 'starting') {
    return (
      <>
        <p className={styles.starting} role="status">
          <Spinner />
          Starting…
        </p>
        <p className={styles.muted}>
          It installs what the app needs, builds it and runs <code>{preview.startCommand}</code>; the app shows here once it answers.
        </p>
        {preview.filesChanged && <FilesChanged />}
        {log ? <LogTail log={log} /> : <p className={styles.muted}>No output yet.</p>}
        <Controls {...controls} buttons={[{ action: 'stop', label: 'Stop', variant: 'secondary' }]} />
      </>
    );
  }

  if (preview.status === 'running') {
    return (
      <>
        <div className={styles.bar}>
          <p className={styles.address}>
            <span className={styles.muted}>Address</span> <span className={styles.origin}>{originOf(preview.url)}</span>{' '}
            <a href={preview.url} target="_blank" rel="noopener noreferrer">
              Open in new tab
            </a>
          </p>
          <Controls
            {...controls}
            buttons={[
              { action: 'reload', label: 'Reload', variant: 'secondary' },
              { action: 'start', label: 'Restart', variant: preview.filesChanged ? 'primary' : 'secondary' },
              { action: 'stop', label: 'Stop', variant: 'secondary' },
            ]}
          />
        </div>
        {preview.filesChanged && <FilesChanged />}
        {frame && frame.previewId === preview.id && (
          <iframe
            key={frame.loads}
            className={styles.frame}
            title={`Preview of ${projectName}`}
            src={frame.src}
            sandbox={FRAME_SANDBOX}
            referrerPolicy="no-referrer"
          />
        )}
        <p className={styles.muted}>
          Started {formatDateTime(preview.createdAt)} with <code>{preview.startCommand}</code>. It stops after a while without use,
          and at {formatDateTime(preview.expiresAt)} at the latest.
        </p>
        {log && <LogDetails log={log} />}
      </>
    );
  }

  const again = [{ action: 'start' as const, label: 'Start again' }];
  if (preview.status === 'failed') {
    return (
      <>
        <div className={styles.failure} role="alert">
          <strong>The app did not start</strong>
          {message && (
            <pre className={styles.output} tabIndex={0} role="region" aria-label="Why the app did not start">
              {message}
            </pre>
          )}
        </div>
        {log && log !== message && <LogDetails log={log} />}
        <Controls {...controls} buttons={again} />
      </>
    );
  }

  return (
    <>
      <p className={styles.stopped} role="status">
        {message ? `The preview stopped: ${withFullStop(message)}` : 'The preview stopped.'}
      </p>
      <Controls {...controls} buttons={again} />
    </>
  );
}

type ButtonSpec = { action: Action; label: string; variant?: 'primary' | 'secondary' };

/** The state's buttons, with the refusal of the last one pressed right below them. */
function Controls({ busy, failure, act, buttons }: ControlsProps & { buttons: ButtonSpec[] }) {
  return (
    <div className={styles.controls}>
      <div className={styles.buttons}>
        {buttons.map((button) => (
          <Button
            key={button.action}
            variant={button.variant ?? 'primary'}
            onClick={() => act(button.action)}
            busy={busy === button.action}
            disabled={busy !== null}
          >
            {button.label}
          </Button>
        ))}
      </div>
      {failure !== null && <ErrorAlert error={failure} />}
    </div>
  );
}

function FilesChanged() {
  return <Notice>The files changed since this preview started. Restart it to see them.</Notice>;
}

/** The tail of the app's output, kept scrolled to its newest line as it grows. */
function LogTail({ log }: { log: string }) {
  const ref = useRef<HTMLPreElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (element) {
      element.scrollTop = element.scrollHeight;
    }
  }, [log]);
  return (
    <pre ref={ref} className={styles.output} tabIndex={0} role="region" aria-label="Preview log">
      {log}
    </pre>
  );
}

function LogDetails({ log }: { log: string }) {
  return (
    <details className={styles.details}>
      <summary>The app’s output</summary>
      <LogTail log={log} />
    </details>
  );
}

/** `http://127.0.0.1:41234/.samokoder/enter?ticket=…` → `http://127.0.0.1:41234`: the ticket is not for reading. */
export function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url.split('?')[0]!;
  }
}

function withFullStop(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
