/** A small CSV reader for figure tests: comma-separated, no quoted commas, `NA`/empty as missing. */
import { readFileSync } from 'node:fs';
import type { Column, Table } from '../../../kernel/types.js';

/** Reads a simple CSV file into a Table: columns whose every present value parses as a number are numeric. */
export function readCsvTable(path: string): Table {
  const lines = readFileSync(path, 'utf8').trim().split(/\r?\n/);
  const header = lines[0].split(',').map((h) => h.replace(/^"|"$/g, ''));
  const cells = lines.slice(1).map((line) => line.split(',').map((c) => c.replace(/^"|"$/g, '')));
  const columns: Column[] = header.map((name, j) => {
    const raw = cells.map((row) => (row[j] === undefined || row[j] === '' || row[j] === 'NA' ? null : row[j]));
    const numeric = raw.every((v) => v === null || Number.isFinite(Number(v)));
    return numeric
      ? { name, kind: 'numeric', values: Float64Array.from(raw, (v) => (v === null ? NaN : Number(v))) }
      : { name, kind: 'categorical', values: raw };
  });
  return { rowCount: cells.length, columns };
}

/** The Palmer penguins sample of the repository. */
export function readPenguins(): Table {
  return readCsvTable(new URL('../../../samples/penguins.csv', import.meta.url).pathname);
}
