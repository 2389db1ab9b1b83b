/**
 * DuckDB's spill folder of one worker: created by the host before the worker starts, with mkdtemp
 * (mode 0700, a random name in the system temp folder, so no other account can create it first or
 * read what is spilled), and removed once the worker has ended.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Prefix of every spill folder's name in the temp folder. */
export const SPILL_PREFIX = 'inferra-duckdb-';

/** A fresh private spill folder. */
export function createSpillDirectory(): string {
  return mkdtempSync(join(tmpdir(), SPILL_PREFIX));
}

/** Removes a spill folder; one that cannot be removed is left for the system's temp cleanup. */
export function removeSpillDirectory(directory: string): void {
  try {
    rmSync(directory, { recursive: true, force: true });
  } catch {
    // left for the system's temp cleanup
  }
}
