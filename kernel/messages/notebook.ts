import { didYouMean } from './types.js';

/** Messages of kernel/notebook: reading and writing `.inferra` files. */
export const notebookMessages = {
  'notebook-parse-failed': (p: { file: string; problem: string; line: number; column: number }) =>
    `${p.file} is not valid JSON: ${p.problem} at line ${p.line}, column ${p.column}. The file was not changed; fix it in a text editor (or restore it from version control) and open it again.`,
  'notebook-invalid': (p: { file: string; problem: string; where: string }) =>
    `${p.file} is not a valid Inferra notebook: ${p.problem} (at ${p.where}). The file was not changed; fix it in a text editor and open it again.`,
  'notebook-not-found': (p: { file: string; reason: string }) => `Cannot read notebook ${p.file}: ${p.reason}. Check the path.`,
  'notebook-write-failed': (p: { file: string; reason: string }) =>
    `Cannot write notebook ${p.file}: ${p.reason}. The file on disk was not changed; check the path and its folder's permissions.`,
  'notebook-version': (p: { file: string; version: number; supported: number }) =>
    `${p.file} was written by a newer Inferra (format version ${p.version}; this one reads up to ${p.supported}). Update Inferra to open it.`,
  'cell-not-found': (p: { cellId: string; suggestion?: string }) =>
    `The notebook has no cell with id '${p.cellId}'.${didYouMean(p.suggestion)}`,
  'cell-not-ask': (p: { cellId: string; kind: string }) => `Cell '${p.cellId}' is a ${p.kind} cell; only ask cells run.`,
  'no-dataset': () =>
    'This notebook has no dataset yet. Add a first cell like "use penguins.csv" (a path relative to the notebook).',
  'dataset-unknown': (p: { name: string; known: string }) =>
    `This cell asks for dataset '${p.name}', which the notebook does not list. Known datasets: ${p.known}.`,
  'dataset-outside-folder': (p: { path: string }) =>
    `Dataset '${p.path}' is outside this notebook's folder, so Inferra did not read it. A notebook can name any file on your computer, so files outside its folder are read only with your consent.`,
};
