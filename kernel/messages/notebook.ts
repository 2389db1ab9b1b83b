import type { MessageParams, MessageTable } from './types.js';

/** Messages of kernel/notebook: reading and writing `.inferra` files. */
export const notebookMessages = {
  'notebook-parse-failed': (p: MessageParams) =>
    `${p.file} is not valid JSON: ${p.problem} at line ${p.line}, column ${p.column}. The file was not changed; fix it in a text editor (or restore it from version control) and open it again.`,
  'notebook-invalid': (p: MessageParams) =>
    `${p.file} is not a valid Inferra notebook: ${p.problem} (at ${p.where}). The file was not changed; fix it in a text editor and open it again.`,
  'notebook-not-found': (p: MessageParams) => `Cannot read notebook ${p.file}: ${p.reason}. Check the path.`,
  'notebook-write-failed': (p: MessageParams) =>
    `Cannot write notebook ${p.file}: ${p.reason}. The file on disk was not changed; check the path and its folder's permissions, or write elsewhere with --out.`,
  'notebook-version': (p: MessageParams) =>
    `${p.file} was written by a newer Inferra (format version ${p.version}; this one reads up to ${p.supported}). Update Inferra to open it.`,
  'cell-not-found': (p: MessageParams) => `The notebook has no cell with id '${p.cellId}'.`,
  'cell-not-ask': (p: MessageParams) => `Cell '${p.cellId}' is a ${p.kind} cell; only ask cells run.`,
  'no-dataset': () =>
    'This notebook has no dataset yet. Add a first cell like "use penguins.csv" (a path relative to the notebook), or choose one with the "Inferra: Choose dataset" command.',
  'dataset-unknown': (p: MessageParams) =>
    `This cell asks for dataset '${p.name}', which the notebook does not list. Known datasets: ${p.known}.`,
  'dataset-outside-folder': (p: MessageParams) =>
    `Dataset '${p.path}' is outside this notebook's folder, so Inferra did not read it. A notebook can name any file on your computer, so files outside its folder are read only with your consent. If you expected this notebook to read that file: in VS Code, run the cell again and choose "Allow once"; on the command line, add --allow-outside-data. Otherwise, copy the data into the notebook's folder.`,
} satisfies MessageTable;
