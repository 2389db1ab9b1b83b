/** Dataset paths as a notebook stores them. */
import { dirname, isAbsolute, relative, sep } from 'node:path';

/** A dataset path as stored in the notebook: relative to its folder, with forward slashes (absolute for untitled notebooks). */
export function storedDatasetPath(notebookPath: string | undefined, datasetPath: string): string {
  if (!notebookPath) return datasetPath;
  const rel = relative(dirname(notebookPath), datasetPath);
  return isAbsolute(rel) ? datasetPath : rel.split(sep).join('/');
}
