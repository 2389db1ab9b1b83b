/**
 * Which files a notebook may read, and how paths appear in what Inferra writes.
 *
 * A notebook names its datasets by path (its `datasets` list, `use FILE` cells). A notebook someone
 * sent you could name any file of yours (`../../.config/inferra/supabase-session.json`), and its
 * contents would end up in the outputs saved into the notebook. So a dataset outside the notebook's
 * folder is read only with the user's consent, decided before the file is opened:
 * 1. resolve the path against the notebook's folder and follow symlinks (`realpath`), for the file
 *    and for the folder; a file that does not exist yet resolves through its nearest existing folder;
 * 2. inside the folder (or the folder itself): allowed;
 * 3. outside: ask the consent callback (the CLI's `--allow-outside-data`, VS Code's modal prompt);
 *    no callback or "no": refused.
 *
 * Paths written into files (cell outputs, error messages) are shown relative to the notebook, with
 * `/`, and never as the user's absolute path or home folder (`shownPath`, `hidePaths`).
 *
 * The functions take a `path` module (posix or win32) so the Windows rules (drive letters, case-
 * insensitive names, `\`) are the ones of `node:path/win32` and can be tested on any system.
 */
import { realpath as fsRealpath, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import * as nodePath from 'node:path';

/** The parts of `node:path` used here (`node:path`, `node:path/posix` or `node:path/win32`). */
export type PathModule = Pick<typeof nodePath, 'resolve' | 'relative' | 'isAbsolute' | 'dirname' | 'basename' | 'join' | 'normalize' | 'parse' | 'sep'>;

/** A dataset outside the notebook's folder, as the consent callback is asked about it. */
export interface OutsideDataset {
  /** The path relative to the notebook's folder, with `/` (what the user should recognise). */
  path: string;
  /** Where it really is: the absolute path with symlinks resolved. */
  absolute: string;
}

/** Asks the user whether a notebook may read a file outside its folder; true = allow. */
export type DatasetConsent = (dataset: OutsideDataset) => Promise<boolean>;

/** Whether `target` is `folder` or lies under it. Both absolute; on win32 drive letters and case are compared as Windows does. */
export function isInsideFolder(folder: string, target: string, path: PathModule = nodePath): boolean {
  const rel = path.relative(path.resolve(folder), path.resolve(target));
  if (rel === '') return true;
  // Another drive or share: relative() returns the target itself, absolute.
  if (path.isAbsolute(rel)) return false;
  const first = rel.split(path.sep)[0];
  return first !== '..';
}

/** Whether two absolute paths name the same place (case-insensitively on win32). */
export function samePath(a: string, b: string, path: PathModule = nodePath): boolean {
  return path.relative(path.resolve(a), path.resolve(b)) === '';
}

/**
 * The real path of a file, symlinks followed. A path that does not exist (yet) resolves through its
 * nearest existing folder, so `inside/link-to-outside/new.csv` counts as outside.
 */
export async function realpathLoose(
  absolute: string,
  path: PathModule = nodePath,
  realpath: (p: string) => Promise<string> = (p) => fsRealpath(p),
): Promise<string> {
  const rest: string[] = [];
  let current = path.resolve(absolute);
  for (;;) {
    try {
      return path.join(await realpath(current), ...rest);
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return path.resolve(absolute);
      rest.unshift(path.basename(current));
      current = parent;
    }
  }
}

/**
 * `absolute` relative to `folder`, with `/`; undefined when no relative path leads there: another
 * drive, or another network share (on Windows `..` never climbs out of a share, although
 * `path.relative` writes one).
 */
export function relativePath(folder: string, absolute: string, path: PathModule = nodePath): string | undefined {
  const root = (p: string) => path.parse(path.normalize(p)).root.toLowerCase();
  if (root(folder) !== root(absolute)) return undefined;
  const rel = path.relative(folder, absolute);
  if (rel === '') return '.';
  return path.isAbsolute(rel) ? undefined : rel.split(path.sep).join('/');
}

/**
 * A dataset path as a notebook stores it: relative to the notebook's folder, with `/`; absolute for
 * an untitled notebook and for data no relative path reaches (another drive or share).
 */
export function storedDatasetPath(notebookPath: string | undefined, datasetPath: string, path: PathModule = nodePath): string {
  if (!notebookPath) return datasetPath;
  return relativePath(path.dirname(notebookPath), datasetPath, path) ?? datasetPath;
}

/** A path as written into files and messages: relative to the notebook's folder with `/`; a path elsewhere (another drive) with the home folder as `~`. */
export function shownPath(folder: string, absolute: string, path: PathModule = nodePath, home: string = homedir()): string {
  const rel = relativePath(folder, absolute, path);
  if (rel !== undefined) return rel;
  return home && isInsideFolder(home, absolute, path) ? `~${path.sep}${path.relative(home, absolute)}` : absolute;
}

/** What the policy says about one dataset path. */
export interface DatasetLocation {
  /** The path resolved against the notebook's folder (what the data layer is given). */
  absolute: string;
  /** The same with symlinks followed. */
  real: string;
  /** Relative to the notebook's folder, with `/` (for messages). */
  shown: string;
  /** Inside the notebook's folder, symlinks followed. */
  inside: boolean;
}

/**
 * Locates a dataset path as written in a notebook: where it is and whether it stays in the folder.
 * `folder` is where the notebook's paths are relative to; `shownFrom` where messages name it from
 * (default the same). Reads nothing but the file system's links.
 */
export async function locateDataset(
  folder: string,
  written: string,
  options: { shownFrom?: string; path?: PathModule; realpath?: (p: string) => Promise<string>; home?: string } = {},
): Promise<DatasetLocation> {
  const path = options.path ?? nodePath;
  const absolute = path.isAbsolute(written) ? path.resolve(written) : path.resolve(folder, written);
  const [real, realFolder] = await Promise.all([
    realpathLoose(absolute, path, options.realpath),
    realpathLoose(folder, path, options.realpath),
  ]);
  return {
    absolute,
    real,
    shown: shownPath(options.shownFrom ?? folder, absolute, path, options.home),
    inside: isInsideFolder(realFolder, real, path),
  };
}

/**
 * Whether two paths are the same file: the same real path, or (both existing) the same device and
 * inode (hard links, case-insensitive file systems).
 */
export async function sameFile(a: string, b: string): Promise<boolean> {
  const [ra, rb] = await Promise.all([realpathLoose(nodePath.resolve(a)), realpathLoose(nodePath.resolve(b))]);
  if (samePath(ra, rb)) return true;
  const [sa, sb] = await Promise.all([stat(ra).catch(() => undefined), stat(rb).catch(() => undefined)]);
  return Boolean(sa && sb && sa.ino !== 0 && sa.dev === sb.dev && sa.ino === sb.ino);
}

/**
 * Text with absolute paths replaced for writing into a file: each `[absolute, shown]` pair first
 * (the dataset's own path), then the notebook's folder (`folder/x.csv` -> `x.csv`), then the home
 * folder (`~`). For messages from the data layer or DuckDB that quote the path they were given.
 */
export function hidePaths(text: string, replacements: readonly (readonly [string, string])[], folder: string, path: PathModule = nodePath, home: string = homedir()): string {
  const pairs: [string, string][] = [...replacements.map(([from, to]) => [from, to] as [string, string])];
  pairs.push([folder.endsWith(path.sep) ? folder : folder + path.sep, '']);
  if (home && home !== path.sep) pairs.push([home.endsWith(path.sep) ? home : home + path.sep, `~${path.sep}`]);
  // Longest first, so a dataset's full path wins over its folder.
  pairs.sort((x, y) => y[0].length - x[0].length);
  let out = text;
  for (const [from, to] of pairs) {
    if (from && from !== path.sep) out = out.split(from).join(to);
  }
  // The home folder on its own, not as the start of a longer name (/home/ann, not /home/anna).
  const bare = home.endsWith(path.sep) ? home.slice(0, -1) : home;
  if (bare) out = out.replace(new RegExp(`${bare.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w.-])`, 'g'), '~');
  return out;
}
