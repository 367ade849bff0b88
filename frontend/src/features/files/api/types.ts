export type FileEntry = {
  path: string;
  size: number;
  sha256: string;
  updatedAt: string;
};

/** GET /v1/projects/{id}/files: `truncated` when the tree has more than 10,000 files. */
export type FileTree = { files: FileEntry[]; truncated: boolean };

/** GET /v1/projects/{id}/export: a short-lived presigned link to the zip. */
export type Export = { url: string; expiresAt: string; sizeBytes: number; fileCount: number };

/** A file's content: the API serves UTF-8 text as text/plain and anything else as bytes. */
export type FileContent = { kind: 'text'; text: string } | { kind: 'binary' };
