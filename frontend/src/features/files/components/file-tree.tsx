import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { FileEntry } from '../api/types';
import { ancestorFolders, buildTree, type TreeNode } from './build-tree';
import styles from './file-tree.module.css';

type FileTreeProps = {
  files: FileEntry[];
  selectedPath: string | null;
  /** Where a file's link goes (the page's URL with that file selected). */
  hrefFor(path: string): string;
};

/**
 * Folders are buttons that open and close, files are links: both reachable with Tab and used with
 * Enter, and a selected file is in the URL, so Back and a shared link work. Folders start closed
 * (a large tree renders only what is open), except those holding the selected file.
 */
export function FileTree({ files, selectedPath, hrefFor }: FileTreeProps) {
  const tree = useMemo(() => buildTree(files), [files]);
  const [open, setOpen] = useState<Set<string>>(() => new Set(selectedPath ? ancestorFolders(selectedPath) : []));

  useEffect(() => {
    if (selectedPath) {
      setOpen((current) => {
        const missing = ancestorFolders(selectedPath).filter((folder) => !current.has(folder));
        return missing.length === 0 ? current : new Set([...current, ...missing]);
      });
    }
  }, [selectedPath]);

  function toggle(path: string) {
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(path)) {
        next.add(path);
      }
      return next;
    });
  }

  return (
    <ul className={styles.tree}>
      <Nodes nodes={tree} open={open} toggle={toggle} selectedPath={selectedPath} hrefFor={hrefFor} />
    </ul>
  );
}

type NodesProps = {
  nodes: TreeNode[];
  open: Set<string>;
  toggle(path: string): void;
  selectedPath: string | null;
  hrefFor(path: string): string;
};

function Nodes({ nodes, open, toggle, selectedPath, hrefFor }: NodesProps) {
  return nodes.map((node) =>
    node.kind === 'folder' ? (
      <li key={`d:${node.path}`}>
        <button type="button" className={styles.item} aria-expanded={open.has(node.path)} onClick={() => toggle(node.path)}>
          <span className={styles.icon} aria-hidden="true">
            {open.has(node.path) ? '▾' : '▸'}
          </span>
          {node.name}
        </button>
        {open.has(node.path) && (
          <ul>
            <Nodes nodes={node.children} open={open} toggle={toggle} selectedPath={selectedPath} hrefFor={hrefFor} />
          </ul>
        )}
      </li>
    ) : (
      <li key={`f:${node.path}`}>
        <Link className={styles.item} to={hrefFor(node.path)} aria-current={node.path === selectedPath ? 'true' : undefined}>
          <span className={styles.icon} aria-hidden="true">
            ·
          </span>
          {node.name}
        </Link>
      </li>
    ),
  );
}
