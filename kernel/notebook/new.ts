import { NOTEBOOK_FORMAT, NOTEBOOK_VERSION, type Notebook } from './format.js';
import { createCellId } from './ids.js';

/** A new notebook on a dataset (path relative to the notebook), with a heading and one ask cell. */
export function newNotebook(options: { title: string; datasetPath?: string; firstRequest?: string }): Notebook {
  const cells: Notebook['cells'] = [{ id: 'intro', kind: 'markdown', source: `# ${options.title}` }];
  const taken = new Set(['intro']);
  const request = options.firstRequest ?? 'describe the data';
  cells.push({ id: createCellId(request, taken), kind: 'ask', source: request });
  const name = options.datasetPath?.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  return {
    format: NOTEBOOK_FORMAT,
    version: NOTEBOOK_VERSION,
    metadata: { title: options.title },
    datasets: options.datasetPath ? [{ name: name || 'data', path: options.datasetPath }] : [],
    cells,
  };
}
