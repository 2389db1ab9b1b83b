/** The `.inferra` notebook format: parse, validate, serialize, outputs. */
export * from './format.js';
export * from './ids.js';
export * from './outputs.js';
export { parseNotebook } from './parse.js';
export { serializeNotebook, sortKeysDeep } from './serialize.js';
export { readNotebookFile, writeNotebookFile } from './file.js';
export { newNotebook } from './new.js';
export { addDataset, chooseDataset, defaultDataset, freshDatasetName, namedDataset } from './datasets.js';
export { NOTEBOOK_PROJECT_KEY, projectForUrl, readNotebookProject, setNotebookProject, type NotebookProject } from './project.js';
