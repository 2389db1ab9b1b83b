import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { InferraError } from '../errors.js';
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
 * Writes a notebook atomically (temp file in the same folder, fsync, rename), so a crash never
 * leaves a half-written notebook.
 */
export async function writeNotebookFile(path: string, notebook: Notebook): Promise<void> {
  const text = serializeNotebook(notebook);
  await mkdir(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(temp, 'w');
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}
