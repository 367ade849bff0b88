import type { FileEntry } from '../api/types';

export type FolderNode = { kind: 'folder'; name: string; path: string; children: TreeNode[] };
export type FileNode = { kind: 'file'; name: string; path: string; entry: FileEntry };
export type TreeNode = FolderNode | FileNode;

const byName = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** The API's flat list of paths as nested folders, folders first, then by name as people sort. */
export function buildTree(files: FileEntry[]): TreeNode[] {
  const root: FolderNode = { kind: 'folder', name: '', path: '', children: [] };
  // by path, so a tree of 10,000 files is built in one pass
  const folders = new Map<string, FolderNode>([['', root]]);
  for (const entry of files) {
    const segments = entry.path.split('/');
    let folder = root;
    segments.slice(0, -1).forEach((segment, index) => {
      const path = segments.slice(0, index + 1).join('/');
      let next = folders.get(path);
      if (!next) {
        next = { kind: 'folder', name: segment, path, children: [] };
        folders.set(path, next);
        folder.children.push(next);
      }
      folder = next;
    });
    folder.children.push({ kind: 'file', name: segments[segments.length - 1]!, path: entry.path, entry });
  }
  sort(root);
  return root.children;
}

function sort(folder: FolderNode): void {
  folder.children.sort((a, b) => (a.kind === b.kind ? byName.compare(a.name, b.name) : a.kind === 'folder' ? -1 : 1));
  folder.children.forEach((child) => child.kind === 'folder' && sort(child));
}

/** The folders that hold `path` (`a/b/c.ts` → `a`, `a/b`), opened so a selected file is visible. */
export function ancestorFolders(path: string): string[] {
  const segments = path.split('/');
  return segments.slice(0, -1).map((_, index) => segments.slice(0, index + 1).join('/'));
}
