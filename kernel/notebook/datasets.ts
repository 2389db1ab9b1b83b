/**
 * The notebook's dataset list (`datasets` in the file, DESIGN.md): finding an entry, adding one for
 * a path, and choosing the default (the first). Paths are stored relative to the notebook's folder
 * (notebook/dataset-path.ts says how); names are unique within the list.
 */
import { basename } from 'node:path';
import { InferraError } from '../errors.js';
import { isDatabaseLocator } from '../data/postgres/locator.js';
import type { DatasetRef } from './format.js';

/** The entry a cell's `dataset` names (by name or by path); `dataset-unknown` when none does. */
export function namedDataset(datasets: readonly DatasetRef[], nameOrPath: string): DatasetRef {
  const named = datasets.find((d) => d.name === nameOrPath || d.path === nameOrPath);
  if (!named) throw new InferraError('dataset-unknown', { name: nameOrPath, known: datasets.map((d) => d.name).join(', ') || 'none' });
  return named;
}

/** The notebook's default dataset (the first); `no-dataset` when the list is empty. */
export function defaultDataset(datasets: readonly DatasetRef[]): DatasetRef {
  if (datasets.length === 0) throw new InferraError('no-dataset', {});
  return datasets[0];
}

/**
 * A name for the file at `path` (and sheet) not yet taken in the list: its stem, else `stem-2`,
 * `stem-3`, ...; for a database table, the table's name.
 */
export function freshDatasetName(datasets: readonly Pick<DatasetRef, 'name'>[], path: string, sheet?: string): string {
  const table = isDatabaseLocator(path) ? /[?&]table=[A-Za-z0-9_]+\.([A-Za-z0-9_]+)/.exec(path)?.[1] : undefined;
  const stem = table ?? (basename(path).replace(/\.[^.]+$/, '') || 'data') + (sheet === undefined ? '' : `-${sheet.replace(/\s+/g, '-')}`);
  let name = stem;
  for (let k = 2; datasets.some((d) => d.name === name); k++) name = `${stem}-${k}`;
  return name;
}

/** The entry of `path` (stored form; a workbook's sheet too), added at the end of the list (which is changed) when absent. */
export function addDataset(datasets: DatasetRef[], path: string, sheet?: string): DatasetRef {
  const existing = datasets.find((d) => d.path === path && d.sheet === sheet);
  if (existing) return existing;
  const name = freshDatasetName(datasets, path, sheet);
  const ref: DatasetRef = sheet === undefined ? { name, path } : { name, path, sheet };
  datasets.push(ref);
  return ref;
}

/** The list with the file at `path` as its default (first), replacing an entry of the same path. */
export function chooseDataset(datasets: readonly DatasetRef[], path: string): DatasetRef[] {
  const others = datasets.filter((d) => d.path !== path);
  return [{ name: freshDatasetName(others, path), path }, ...others];
}
