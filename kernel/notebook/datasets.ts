/**
 * The notebook's dataset list (`datasets` in the file, DESIGN.md): finding an entry, adding one for
 * a path, and choosing the default (the first). Paths are stored relative to the notebook's folder
 * (notebook/dataset-path.ts says how); names are unique within the list.
 */
import { basename } from 'node:path';
import { InferraError } from '../errors.js';
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

/** A name for the file at `path` not yet taken in the list: its stem, else `stem-2`, `stem-3`, ... */
export function freshDatasetName(datasets: readonly Pick<DatasetRef, 'name'>[], path: string): string {
  const stem = basename(path).replace(/\.[^.]+$/, '') || 'data';
  let name = stem;
  for (let k = 2; datasets.some((d) => d.name === name); k++) name = `${stem}-${k}`;
  return name;
}

/** The entry of `path` (stored form), added at the end of the list (which is changed) when absent. */
export function addDataset(datasets: DatasetRef[], path: string): DatasetRef {
  const existing = datasets.find((d) => d.path === path);
  if (existing) return existing;
  const ref: DatasetRef = { name: freshDatasetName(datasets, path), path };
  datasets.push(ref);
  return ref;
}

/** The list with the file at `path` as its default (first), replacing an entry of the same path. */
export function chooseDataset(datasets: readonly DatasetRef[], path: string): DatasetRef[] {
  const others = datasets.filter((d) => d.path !== path);
  return [{ name: freshDatasetName(others, path), path }, ...others];
}
