/**
 * The one atomic file write of Inferra (notebooks, provenance queue entries): the text goes to a
 * hidden temp file beside the target, is synced, renamed over the target, and the folder is synced,
 * so a crash or a kill leaves the old file or the new one, never half of either, and the rename
 * survives a power cut.
 *
 * What a plain rename would get wrong, and this does not:
 * - the mode of the replaced file is kept (a 0600 notebook stays 0600); a new file gets `mode`;
 * - a symlink is written through: its final target is replaced, the link stays a link;
 * - partial temp files of the same target left by a killed earlier write are removed: those named
 *   by this module's pattern (`.NAME.PID.HEX.tmp`, or the older `.NAME.HEX.tmp`), older than the
 *   current write, whose writer process is gone.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync } from 'node:fs';
import { lstat, mkdir, open, readdir, readlink, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

/** The steps of a write, in order, for tests and traces. */
export type AtomicWriteStep = 'write' | 'sync-file' | 'rename' | 'sync-folder' | 'cleanup';

export interface AtomicWriteOptions {
  /** Mode of a file that does not exist yet (default 0o666, less the umask); an existing file keeps its own. */
  mode?: number;
  /**
   * Remove stale partial temp files of this target (default true). A caller whose folder holds many
   * files it cleans itself (the provenance queue) turns it off.
   */
  removeStale?: boolean;
  /** Called after each step (awaited). */
  onStep?: (step: AtomicWriteStep) => unknown;
}

/** How many links a path may pass through (as the kernel's own limit, ELOOP past it). */
const MAX_LINKS = 40;

/** `.NAME.PID.HEX.tmp` (or the older `.NAME.HEX.tmp`) for a target named `name`; any name when undefined. */
function tempPattern(name?: string): RegExp {
  const target = name === undefined ? '.+' : name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^\\.${target}\\.(?:(\\d+)\\.)?[0-9a-f]{8,}\\.tmp$`);
}

/** Whether `name` is one of this module's temp files (of the target `of`, when given). */
export function isAtomicTempName(name: string, of?: string): boolean {
  return tempPattern(of).test(name);
}

/** Writes `text` to `path` atomically and durably (see the module comment). */
export async function writeFileAtomic(path: string, text: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const started = Date.now();
  const target = await finalTarget(path);
  const dir = dirname(target);
  const name = basename(target);
  await mkdir(dir, { recursive: true });
  const existingMode = await stat(target).then(
    (s) => (s.isFile() ? s.mode & 0o777 : undefined),
    () => undefined,
  );
  const temp = join(dir, `.${name}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  // An existing file's content is never readable more widely during the write than after it.
  const handle = await open(temp, 'wx', existingMode === undefined ? (options.mode ?? 0o666) : 0o600);
  try {
    try {
      if (existingMode !== undefined) await handle.chmod(existingMode);
      await handle.writeFile(text, typeof text === 'string' ? 'utf8' : undefined);
      await options.onStep?.('write');
      await handle.sync();
      await options.onStep?.('sync-file');
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await options.onStep?.('rename');
  syncFolder(dir);
  await options.onStep?.('sync-folder');
  if (options.removeStale !== false) await removeStaleTemps(dir, name, started);
  await options.onStep?.('cleanup');
}

/** The file a path finally names, following symlinks (also dangling ones: their target is created). */
async function finalTarget(path: string): Promise<string> {
  let current = resolve(path);
  for (let hops = 0; hops < MAX_LINKS; hops++) {
    let info;
    try {
      info = await lstat(current);
    } catch {
      return current; // does not exist yet: written here (its folder may itself be behind links)
    }
    if (!info.isSymbolicLink()) return current;
    current = resolve(dirname(current), await readlink(current));
  }
  // Too many links: let the system say so.
  return realpath(path);
}

/** Makes the rename durable; not every platform can open a folder (Windows), which is fine. */
function syncFolder(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // best effort
  }
}

/** Removes partial temp files of `name` in `dir` that a killed earlier write left behind. */
async function removeStaleTemps(dir: string, name: string, started: number): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  const pattern = tempPattern(name);
  for (const candidate of names) {
    const match = pattern.exec(candidate);
    if (!match) continue;
    const pid = match[1] === undefined ? undefined : Number(match[1]);
    if (pid !== undefined && isAlive(pid)) continue; // a write in progress (maybe our own, concurrently)
    const path = join(dir, candidate);
    try {
      if ((await lstat(path)).mtimeMs < started) await unlink(path);
    } catch {
      // gone already, or not ours to remove
    }
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}
