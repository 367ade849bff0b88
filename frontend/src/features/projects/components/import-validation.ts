import type { FieldErrors } from '@/lib/forms';
import type { ImportedProject, NewImport } from '../api/types';
import { validateDescription, validateName } from './project-validation';

export type ImportFormValues = {
  name: string;
  description: string;
  /** The chosen zip archive; null until one is chosen. */
  archive: File | null;
};

export type ImportFormField = keyof ImportFormValues;

/** The form's fields under the names the API reports errors for (it names none for the archive: its problems go above the form). */
export const IMPORT_API_FIELDS: Record<ImportFormField, string> = {
  name: 'name',
  description: 'description',
  archive: 'archive',
};

/** An import's description travels in the address, whose length the gateway limits: at most this many characters. */
export const MAX_IMPORT_DESCRIPTION = 1_000;

/** The largest archive the API imports (SAMOKODER_IMPORT_MAX_ZIP_BYTES, docs/git.md): 4 MiB. */
export const MAX_ARCHIVE_BYTES = 4 * 1024 * 1024;

/** How many of the left-out entries the notice names; the rest are counted. */
const SKIPPED_SHOWN = 3;

export function validateImport(values: ImportFormValues): FieldErrors<ImportFormField> {
  const errors: FieldErrors<ImportFormField> = {};
  const name = validateName(values.name);
  if (name) {
    errors.name = name;
  }
  const description = validateDescription(values.description, MAX_IMPORT_DESCRIPTION);
  if (description) {
    errors.description = description;
  }
  if (values.archive === null) {
    errors.archive = 'Choose a zip archive.';
  } else if (values.archive.size > MAX_ARCHIVE_BYTES) {
    errors.archive = `This archive is ${megabytes(values.archive.size)}; at most 4 MB can be imported.`;
  }
  return errors;
}

/** The request for valid values (the archive is chosen). */
export function toNewImport(values: ImportFormValues): NewImport {
  return { name: values.name.trim(), description: values.description.trim(), archive: values.archive! };
}

/** The name a chosen file suggests: `todo-main.zip` → `todo-main`. */
export function nameFromFile(fileName: string): string {
  return fileName.replace(/\.zip$/i, '').trim();
}

/** What the project page tells after an import: how many files came in, and what was left out. */
export function importedNotice({ files, binaryFiles, skipped }: ImportedProject): string {
  const binary = binaryFiles > 0 ? ` (${binaryFiles} binary)` : '';
  const imported = `Imported ${files} ${files === 1 ? 'file' : 'files'}${binary}`;
  if (skipped.length === 0) {
    return `${imported}.`;
  }
  const shown = skipped.slice(0, SKIPPED_SHOWN).join('; ');
  const more = skipped.length > SKIPPED_SHOWN ? `; and ${skipped.length - SKIPPED_SHOWN} more` : '';
  return `${imported}; left out: ${shown}${more}.`;
}

/** Rounded up, so an archive just over the limit never reads as "4.0 MB". */
function megabytes(bytes: number): string {
  return `${(Math.ceil((bytes / (1024 * 1024)) * 10) / 10).toFixed(1)} MB`;
}
