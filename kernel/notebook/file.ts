import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { InferraError } from '../errors.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import type { Notebook } from './format.js';
import { parseNotebook } from './parse.js';
import { serializeNotebook } from './serialize.js';

/** Reads and validates a `.inferra` file; errors name the file, the line and the column. */
export async function readNotebookFile(path: string): Promise<Notebook> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new InferraError('notebook-not-found', { file: path, reason }, { cause: error });
  }
  return parseNotebook(text, basename(path));
}

/**
 * Writes a notebook atomically (kernel/util/atomic-write.ts: temp file, fsync, rename, fsync of the
 * folder; the mode and symlinks kept), so a crash never leaves a half-written notebook.
 */
export async function writeNotebookFile(path: string, notebook: Notebook): Promise<void> {
  const text = serializeNotebook(notebook);
  try {
    await writeFileAtomic(path, text);
  } catch (error) {
    throw new InferraError('notebook-write-failed', { file: path, reason: writeFailure(error) }, { cause: error });
  }
}

function writeFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied (the file or its folder is not writable)';
  if (code === 'ENOSPC') return 'the disk is full';
  if (code === 'EISDIR') return 'that path is a folder';
  if (code === 'ENOTDIR') return 'a part of the path is a file, not a folder';
  if (code === 'EROFS') return 'the disk is read-only';
  return (error as Error).message;
}
