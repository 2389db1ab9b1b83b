/**
 * The one atomic file write of Inferra (notebooks, provenance queue entries; synchronously: the LLM
 * budget and cache, the CLI's Supabase session file): the text goes to a
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
import { chmodSync, closeSync, fsyncSync, lstatSync, mkdirSync, openSync, readdirSync, readlinkSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { lstat, mkdir, open, readdir, readlink, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

/** The steps of a write, in order, for tests and traces. */
export type AtomicWriteStep = 'write' | 'sync-file' | 'rename' | 'sync-folder' | 'cleanup';

export interface AtomicWriteOptions {
  /** Mode of a file that does not exist yet (default 0o666, less the umask); an existing file keeps its own. */
  mode?: number;
  /** The file gets `mode` even when it exists with another one (a secret: 0o600 whatever it was). */
  forceMode?: boolean;
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
  const modes = tempModes(
    await stat(target).then(
      (s) => (s.isFile() ? s.mode & 0o777 : undefined),
      () => undefined,
    ),
    options,
  );
  const temp = tempPath(dir, name);
  const handle = await open(temp, 'wx', modes.create);
  try {
    try {
      if (modes.final !== undefined) await handle.chmod(modes.final);
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

/**
 * `writeFileAtomic` for callers that cannot wait (the LLM budget and cache, the CLI's session file):
 * the same steps, blocking; stale temps are removed by the next write of the same target.
 */
export function writeFileAtomicSync(path: string, text: string | Uint8Array, options: Omit<AtomicWriteOptions, 'onStep'> = {}): void {
  const started = Date.now();
  const target = finalTargetSync(path);
  const dir = dirname(target);
  const name = basename(target);
  mkdirSync(dir, { recursive: true });
  let existing: number | undefined;
  try {
    const s = statSync(target);
    existing = s.isFile() ? s.mode & 0o777 : undefined;
  } catch {
    existing = undefined;
  }
  const modes = tempModes(existing, options);
  const temp = tempPath(dir, name);
  try {
    const fd = openSync(temp, 'wx', modes.create);
    try {
      if (modes.final !== undefined) chmodSync(temp, modes.final);
      writeFileSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // never created, or gone
    }
    throw error;
  }
  syncFolder(dir);
  if (options.removeStale === false) return;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const path of staleTemps(dir, name, names)) {
    try {
      if (lstatSync(path).mtimeMs < started) unlinkSync(path);
    } catch {
      // gone already, or not ours to remove
    }
  }
}

/** A fresh temp file's name beside the target (the pattern `isAtomicTempName` recognises). */
function tempPath(dir: string, name: string): string {
  return join(dir, `.${name}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/**
 * The mode a temp file is created with and the one it gets before it is written (undefined: the
 * created one stays). An existing file's content is never readable more widely during the write
 * than after it.
 */
function tempModes(existing: number | undefined, options: AtomicWriteOptions): { create: number; final?: number } {
  if (options.forceMode && options.mode !== undefined) return { create: 0o600 & options.mode, final: options.mode };
  return existing === undefined ? { create: options.mode ?? 0o666 } : { create: 0o600, final: existing };
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

/** `finalTarget`, blocking. */
function finalTargetSync(path: string): string {
  let current = resolve(path);
  for (let hops = 0; hops < MAX_LINKS; hops++) {
    let info;
    try {
      info = lstatSync(current);
    } catch {
      return current;
    }
    if (!info.isSymbolicLink()) return current;
    current = resolve(dirname(current), readlinkSync(current));
  }
  return realpathSync(path);
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
  for (const path of staleTemps(dir, name, names)) {
    try {
      if ((await lstat(path)).mtimeMs < started) await unlink(path);
    } catch {
      // gone already, or not ours to remove
    }
  }
}

/** The temp files of `name` among a folder's `names` whose writer process is gone (their paths). */
function staleTemps(dir: string, name: string, names: readonly string[]): string[] {
  const pattern = tempPattern(name);
  return names.flatMap((candidate) => {
    const match = pattern.exec(candidate);
    if (!match) return [];
    const pid = match[1] === undefined ? undefined : Number(match[1]);
    // A write in progress (maybe our own, concurrently) is left alone.
    return pid !== undefined && isAlive(pid) ? [] : [join(dir, candidate)];
  });
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
