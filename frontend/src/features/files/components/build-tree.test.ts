import { describe, expect, it } from 'vitest';
import type { FileEntry } from '../api/types';
import { ancestorFolders, buildTree, type TreeNode } from './build-tree';

function entry(path: string): FileEntry {
  return { path, size: 1, sha256: 'x', updatedAt: '2030-01-01T00:00:00Z' };
}

function shape(nodes: TreeNode[]): unknown[] {
  return nodes.map((node) => (node.kind === 'folder' ? { [node.name]: shape(node.children) } : node.name));
}

describe('buildTree', () => {
  it('nests paths into folders, folders first, names in natural order', () => {
    const tree = buildTree(['src/b.ts', 'README.md', 'src/components/App.tsx', 'src/a10.ts', 'src/a2.ts', 'package.json'].map(entry));

    expect(shape(tree)).toEqual([{ src: [{ components: ['App.tsx'] }, 'a2.ts', 'a10.ts', 'b.ts'] }, 'package.json', 'README.md']);
  });

  it('gives each node its full path', () => {
    const [src] = buildTree([entry('src/components/App.tsx')]);

    expect(src).toMatchObject({ kind: 'folder', path: 'src' });
    const components = (src as Extract<TreeNode, { kind: 'folder' }>).children[0]!;
    expect(components).toMatchObject({ kind: 'folder', path: 'src/components' });
  });

  it('builds 10,000 files quickly', () => {
    const files = Array.from({ length: 10_000 }, (_, i) => entry(`src/f${i % 50}/file${i}.ts`));
    const started = performance.now();

    const tree = buildTree(files);

    expect(performance.now() - started).toBeLessThan(1000);
    expect((tree[0] as Extract<TreeNode, { kind: 'folder' }>).children).toHaveLength(50);
  });
});

describe('ancestorFolders', () => {
  it('lists the folders that hold a file', () => {
    expect(ancestorFolders('a/b/c.ts')).toEqual(['a', 'a/b']);
    expect(ancestorFolders('c.ts')).toEqual([]);
  });
});
