/** SHA-256 digests: of a dataset file's bytes (its identity in provenance) and of a loaded table. */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Table } from '../types.js';

const fileHashes = new Map<string, { size: number; mtimeMs: number; sha256: Promise<string> }>();

/** SHA-256 (hex) of a file's bytes, streamed; cached by (absolute path, size, mtime). */
export async function hashFile(path: string): Promise<string> {
  const absolute = resolve(path);
  const { size, mtimeMs } = await stat(absolute);
  const cached = fileHashes.get(absolute);
  if (cached && cached.size === size && cached.mtimeMs === mtimeMs) return cached.sha256;
  const sha256 = streamSha256(absolute);
  fileHashes.set(absolute, { size, mtimeMs, sha256 });
  sha256.catch(() => fileHashes.delete(absolute));
  return sha256;
}

function streamSha256(path: string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolvePromise(hash.digest('hex')));
  });
}

const CHUNK = 65536;

/**
 * SHA-256 (hex) over a table's column names, kinds and values, in column order. Numbers are hashed
 * as little-endian doubles with every NaN written as the one canonical NaN; text as JSON strings
 * (missing as `null`), so the digest is the same on every platform and run.
 */
export function hashTable(table: Table): string {
  const hash = createHash('sha256');
  hash.update(`rows:${table.rowCount}\n`);
  for (const column of table.columns) {
    hash.update(`${JSON.stringify(column.name)}:${column.kind}\n`);
    if (column.kind === 'numeric') {
      const buffer = Buffer.alloc(Math.min(CHUNK, column.values.length) * 8);
      for (let start = 0; start < column.values.length; start += CHUNK) {
        const end = Math.min(start + CHUNK, column.values.length);
        for (let i = start; i < end; i++) {
          const v = column.values[i];
          buffer.writeDoubleLE(Number.isNaN(v) ? NaN : v, (i - start) * 8);
        }
        hash.update(buffer.subarray(0, (end - start) * 8));
      }
    } else {
      for (let start = 0; start < column.values.length; start += CHUNK) {
        hash.update(JSON.stringify(column.values.slice(start, start + CHUNK)));
      }
    }
    hash.update('\n');
  }
  return hash.digest('hex');
}
