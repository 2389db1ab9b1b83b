/** Dataset paths as a notebook stores them. */
import * as nodePath from 'node:path';

/** The path functions used here; tests pass `node:path/win32` to check Windows paths on any machine. */
export type PathApi = Pick<typeof nodePath, 'dirname' | 'isAbsolute' | 'normalize' | 'parse' | 'relative' | 'sep'>;

/**
 * A dataset path as stored in the notebook: relative to its folder, with forward slashes; absolute
 * for untitled notebooks and for data under another root (another drive or network share on Windows:
 * no relative path leads there, and `..` never climbs out of a share).
 */
export function storedDatasetPath(notebookPath: string | undefined, datasetPath: string, path: PathApi = nodePath): string {
  if (!notebookPath) return datasetPath;
  const folder = path.dirname(notebookPath);
  const root = (p: string) => path.parse(path.normalize(p)).root.toLowerCase();
  if (root(folder) !== root(datasetPath)) return datasetPath;
  const rel = path.relative(folder, datasetPath);
  return path.isAbsolute(rel) ? datasetPath : rel.split(path.sep).join('/');
}
