import { EmptyState } from '@/components/ui/empty-state';
import { ErrorAlert } from '@/components/ui/error-alert';
import { Loading } from '@/components/ui/loading';
import { formatBytes } from '@/lib/format';
import { useQuery } from '@/lib/use-query';
import { getFile } from '../api/files';
import type { FileEntry } from '../api/types';
import styles from './code-viewer.module.css';
import { HighlightedCode } from './highlighted-code';
import { languageFor } from './language';

/** Files larger than this are not fetched to be shown; the zip has them. */
export const MAX_VIEW_BYTES = 1024 * 1024;

/** One file of the project: its path, size, and its content highlighted. */
export function CodeViewer({ projectId, entry }: { projectId: string; entry: FileEntry }) {
  return (
    <section className={styles.viewer} aria-label={`File ${entry.path}`}>
      <div className={styles.bar}>
        <span className={styles.path}>{entry.path}</span>
        <span className={styles.meta}>{formatBytes(entry.size)}</span>
      </div>
      {entry.size > MAX_VIEW_BYTES ? (
        <div className={styles.body}>
          <EmptyState title="Too large to show here">
            This file is {formatBytes(entry.size)}. Download the project as a zip to read it.
          </EmptyState>
        </div>
      ) : (
        <FileContentView projectId={projectId} entry={entry} />
      )}
    </section>
  );
}

function FileContentView({ projectId, entry }: { projectId: string; entry: FileEntry }) {
  // the content hash is in the key: a file rewritten by a run is fetched again
  const file = useQuery(`${projectId}/${entry.path}@${entry.sha256}`, (signal) => getFile(projectId, entry.path, signal));

  if (file.state.status === 'loading') {
    return (
      <div className={styles.body}>
        <Loading label={`Opening ${entry.path}…`} />
      </div>
    );
  }
  if (file.state.status === 'error') {
    return (
      <div className={styles.body}>
        <ErrorAlert error={file.state.error} onRetry={file.reload} />
      </div>
    );
  }
  const content = file.state.data;
  if (content.kind === 'binary') {
    return (
      <div className={styles.body}>
        <EmptyState title="Binary file">This file is not text, so it is not shown. The zip download has it.</EmptyState>
      </div>
    );
  }
  if (content.text.length === 0) {
    return (
      <div className={styles.body}>
        <EmptyState title="Empty file" />
      </div>
    );
  }
  return <HighlightedCode code={content.text} language={languageFor(entry.path)} label={`Content of ${entry.path}`} />;
}
