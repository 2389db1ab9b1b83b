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
};

/** The format of a dataset from its extension (case-insensitive), or `unsupported-format`. */
export function detectFormat(path: string): DatasetFormat {
  const extension = extname(path).toLowerCase();
  const format = FORMAT_BY_EXTENSION[extension];
  if (!format) throw new InferraError('unsupported-format', { path, extension });
  return format;
}
