import { extname } from 'node:path';
import { InferraError } from '../errors.js';
import type { DatasetFormat } from '../types.js';

const FORMAT_BY_EXTENSION: Record<string, DatasetFormat> = {
  '.csv': 'csv',
  '.txt': 'csv',
  '.tsv': 'tsv',
  '.tab': 'tsv',
  '.json': 'json',
  '.jsonl': 'json',
  '.ndjson': 'json',
  '.parquet': 'parquet',
  '.xlsx': 'xlsx',
  '.sav': 'sav',
};

/** Every extension Inferra reads as a dataset, without the dot (the one list: the "use FILE" cell, file pickers). */
export const DATASET_EXTENSIONS: readonly string[] = Object.keys(FORMAT_BY_EXTENSION).map((e) => e.slice(1));

/** Formats read by a reader of Inferra's own into DuckDB (binary files: no text checks). */
export const IMPORTED_FORMATS: ReadonlySet<DatasetFormat> = new Set(['xlsx', 'sav']);

/** The format of a dataset from its extension (case-insensitive), or `unsupported-format`. */
export function detectFormat(path: string): DatasetFormat {
  const extension = extname(path).toLowerCase();
  const format = FORMAT_BY_EXTENSION[extension];
  if (!format) throw new InferraError('unsupported-format', { path, extension });
  return format;
}
