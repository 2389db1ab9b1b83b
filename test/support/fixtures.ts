/**
 * Fixture loading shared by the analysis tests: R reference JSON files, CSV files read into Tables
 * (numeric when every present value parses, else categorical; `NA`/empty missing; quoted fields), and
 * requests with CONTRACT.md's default options.
 */
import { readFileSync } from 'node:fs';
import { DEFAULT_OPTIONS, type AnalysisOptions, type AnalysisRequest, type Column, type Roles, type Table, type TaskId } from '../../kernel/types.js';

/** Read a JSON file of test/reference/r/ (written by a checked-in R generator script). */
export function readReference<T>(file: string): T {
  return JSON.parse(readFileSync(new URL(`../reference/r/${file}`, import.meta.url), 'utf8')) as T;
}

/** Split one CSV line, honouring double quotes (doubled quotes inside). */
export function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field);
  return out;
}

/** Read a CSV file (path relative to the repository root) into a Table. */
export function readTable(path: string): Table {
  return readTableFile(new URL(`../../${path}`, import.meta.url));
}

/** Read a CSV file into a Table: numeric columns where every present value parses, else categorical. */
export function readTableFile(path: string | URL): Table {
  const text = readFileSync(path, 'utf8');
  const lines = text.trim().split(/\r?\n/);
  const header = splitCsvLine(lines[0]);
  const cells = lines.slice(1).map(splitCsvLine);
  const columns: Column[] = header.map((name, j) => {
    const raw = cells.map((row) => (row[j] === undefined || row[j] === '' || row[j] === 'NA' ? null : row[j]));
    const numeric = raw.every((v) => v === null || Number.isFinite(Number(v)));
    return numeric
      ? { name, kind: 'numeric', values: Float64Array.from(raw, (v) => (v === null ? NaN : Number(v))) }
      : { name, kind: 'categorical', values: raw };
  });
  return { rowCount: cells.length, columns };
}

/** Read the CSV a fixture's dataset name refers to (`penguins` is the repository's sample). */
export function readDataset(dataset: string): Table {
  return readTable(dataset === 'penguins' ? 'samples/penguins.csv' : `test/reference/data/${dataset}.csv`);
}

/** Build a request with CONTRACT.md's default options, overridden as given. */
export function buildRequest<A extends TaskId>(analysis: A, roles: Roles, options: Partial<AnalysisOptions> = {}): AnalysisRequest & { analysis: A } {
  return { analysis, roles, options: { ...DEFAULT_OPTIONS, where: [], ...options } };
}
