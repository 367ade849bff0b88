import { useId } from 'react';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorAlert, Notice } from '@/components/ui/error-alert';
import { Loading } from '@/components/ui/loading';
import { useQuery, type Query } from '@/lib/use-query';
import { listFiles } from '../api/files';
import type { FileTree as FileTreeData } from '../api/types';
import { CodeViewer } from './code-viewer';
import { FileTree } from './file-tree';
import styles from './files-panel.module.css';

type FilesPanelProps = {
  projectId: string;
  selectedPath: string | null;
  hrefFor(path: string): string;
  /** A change reads the files again (a run ended, so they changed). */
  refreshKey?: number;
};

/** The project's files: the tree, and the selected file in the viewer. */
export function FilesPanel({ projectId, selectedPath, hrefFor, refreshKey = 0 }: FilesPanelProps) {
  const headingId = useId();
  const tree = useQuery(`files/${projectId}/${refreshKey}`, (signal) => listFiles(projectId, signal));

  return (
    <section className={styles.panel} aria-labelledby={headingId}>
      <h2 id={headingId}>Files</h2>
      <FilesBody tree={tree} projectId={projectId} selectedPath={selectedPath} hrefFor={hrefFor} />
    </section>
  );
}

function FilesBody({ tree, projectId, selectedPath, hrefFor }: FilesPanelProps & { tree: Query<FileTreeData> }) {
  if (tree.state.status === 'loading') {
    return <Loading label="Loading files…" />;
  }
  if (tree.state.status === 'error') {
    return <ErrorAlert error={tree.state.error} onRetry={tree.reload} />;
  }
  const { files, truncated } = tree.state.data;
  if (files.length === 0) {
    return <EmptyState title="No files yet">Files appear here as the agents write them.</EmptyState>;
  }
  const selected = selectedPath === null ? undefined : files.find((file) => file.path === selectedPath);
  return (
    <>
      {truncated && <Notice>This project has more than 10,000 files; the tree shows the first 10,000. The zip has them all.</Notice>}
      <div className={styles.layout}>
        <nav className={styles.tree} aria-label="Project files">
          <FileTree files={files} selectedPath={selectedPath} hrefFor={hrefFor} />
        </nav>
        {selected ? (
          <CodeViewer projectId={projectId} entry={selected} />
        ) : selectedPath !== null ? (
          <EmptyState title="File not found">There is no file {selectedPath} in this project.</EmptyState>
        ) : (
          <EmptyState title="Choose a file">Pick a file in the tree to read it.</EmptyState>
        )}
      </div>
    </>
  );
}
