/**
 * Schema inference: what each column of a dataset is (kind, counts, levels, summary), as
 * `inferra describe` prints it and the decision rules read it.
 * 1. open the source (format, reader, normalized column expressions);
 * 2. materialize the normalized columns once in a temporary table (kept for the next loads of the
 *    same file: the last few datasets stay in DuckDB, so a notebook's cells do not re-parse the file);
 * 3. count per column, in batches of columns (n, distinct, moments, integer-ness, infinities), the levels
 *    of columns with few distinct values, and the values of text columns that read as numbers;
 * 4. classify each column (classify.ts);
 * 5. note what a researcher should know: infinite values (treated as missing), a text column that is
 *    numbers but for a few values (which, and where), a column with no values.
 */
import { quotedIdentifier } from '@duckdb/node-api';
import { InferraError } from '../errors.js';
import type { ColumnSchema, DatasetSchema, LevelCount } from '../types.js';
import { compareNatural } from '../util/natural-sort.js';
import { MAX_CATEGORICAL_LEVELS, MAX_NUMERIC_GROUP_LEVELS, classifyColumn, type ColumnFacts } from './classify.js';
import { getConnection } from './duckdb.js';
import { hashFile } from './hash.js';
import { normalizeStored, openSource, parseErrorFrom, sourceKey, type Source, type SourceColumn } from './source.js';

const schemas = new Map<string, Promise<Omit<DatasetSchema, 'name' | 'path'>>>();
let temporaryTables = 0;

/** How many datasets stay materialized in DuckDB after their schema was inferred. */
const MATERIALIZED_DATASETS = 3;

/** A dataset's columns held in a DuckDB temporary table (column i is named `c<i>`, as `SourceColumn.stored`). */
export interface MaterializedTable {
  table: string;
  /** SQL expressions of the normalized values over the table's columns, in the source's column order. */
  columns: string[];
}

const materialized = new Map<string, MaterializedTable>();

/** The materialized table of a dataset, if it is still held (and marks it recently used). */
export function findMaterialized(key: string): MaterializedTable | undefined {
  const found = materialized.get(key);
  if (found) {
    materialized.delete(key);
    materialized.set(key, found);
  }
  return found;
}

async function keepMaterialized(key: string, table: MaterializedTable): Promise<void> {
  materialized.set(key, table);
  const connection = await getConnection();
  while (materialized.size > MATERIALIZED_DATASETS) {
    const [oldKey, old] = materialized.entries().next().value!;
    materialized.delete(oldKey);
    await connection.run(`DROP TABLE IF EXISTS ${old.table}`).catch(() => undefined);
  }
}

/**
 * The schema of a dataset; cached by the file's identity (path, size, mtime). The file's SHA-256 is
 * computed while DuckDB reads it.
 */
export async function inferSchema(path: string): Promise<DatasetSchema> {
  const source = await openSource(path);
  const key = sourceKey(source);
  let schema = schemas.get(key);
  if (!schema) {
    schema = Promise.all([hashFile(source.path), computeSchema(source, key)]).then(([sha256, rest]) => ({ sha256, ...rest }));
    schemas.set(key, schema);
    schema.catch(() => schemas.delete(key));
  }
  return { name: source.name, path: source.path, ...(await schema) };
}

async function computeSchema(source: Source, key: string): Promise<Omit<DatasetSchema, 'name' | 'path' | 'sha256'>> {
  const connection = await getConnection();
  const table = `inferra_schema_${++temporaryTables}`;
  const aliases = source.columns.map((_, i) => quotedIdentifier(`c${i}`));
  const select = source.columns.map((c, i) => `${c.stored} AS ${aliases[i]}`).join(', ');
  try {
    await connection.run(`CREATE TEMP TABLE ${table} AS SELECT ${select || '1 AS c'} FROM ${source.reader}`);
  } catch (error) {
    throw parseErrorFrom(error, source.path, source.format);
  }
  // The normalized value of each stored column (numbers: infinities become missing).
  const values = source.columns.map((c, i) => normalizeStored(aliases[i], c.storage));
  let keep = false;
  try {
    const counts = await countColumns(table, source.columns, aliases, values);
    const rows = counts.rows;
    if (rows === 0) {
      throw new InferraError('file-empty', {
        path: source.path,
        headerOnly: source.format !== 'json' && source.columns.length > 0,
        columns: source.columns.map((c) => c.name).join(', '),
      });
    }
    const columns: ColumnSchema[] = [];
    for (const [i, column] of source.columns.entries()) {
      const facts = counts.facts[i];
      const counted = counts.levels[i];
      const levels = counted ? orderLevels(counted, column.levels) : undefined;
      if (column.storage === 'text') facts.booleanWords = levels?.every((l) => BOOLEAN_WORDS.has(l.value.trim().toLowerCase())) ?? false;
      const { kind, usableAsGroup } = classifyColumn(facts);
      const wantsLevels = kind === 'categorical' || kind === 'boolean' || (kind === 'numeric' && usableAsGroup);
      const schema: ColumnSchema = {
        name: column.name,
        kind,
        storageType: column.storageType,
        n: facts.n,
        missing: rows - facts.n,
        distinct: facts.distinct,
        usableAsGroup,
      };
      if (wantsLevels && levels) schema.levels = levels;
      if (kind === 'numeric') schema.summary = counts.summaries[i];
      const infinite = counts.infinite[i] ?? 0;
      if (infinite > 0) schema.nonFinite = infinite;
      const note =
        facts.n === 0
          ? noValuesNote(column.name)
          : infinite > 0
            ? infiniteNote(column.name, infinite)
            : await mixedNumbersNote(table, source, i, aliases[i], facts.n, counts.numbers[i] ?? 0);
      if (note) schema.note = note;
      if (column.label) schema.label = column.label;
      columns.push(schema);
    }
    await keepMaterialized(key, { table, columns: values });
    keep = true;
    return { format: source.format, ...(source.sheet === undefined ? {} : { sheet: source.sheet }), rows, columns };
  } finally {
    if (!keep) await connection.run(`DROP TABLE IF EXISTS ${table}`).catch(() => undefined);
  }
}

/** Levels in the order the file gives (SPSS value labels, in code order), when it gives one. */
function orderLevels(levels: LevelCount[], order: readonly string[] | undefined): LevelCount[] {
  if (!order) return levels;
  const rank = new Map(order.map((level, i) => [level, i]));
  return [...levels].sort((a, b) => (rank.get(a.value) ?? order.length) - (rank.get(b.value) ?? order.length) || compareNatural(a.value, b.value));
}

export const BOOLEAN_WORDS = new Set(['true', 'false', 'yes', 'no']);

/** "Column 'y' has no values." */
export function noValuesNote(name: string): string {
  return `Column '${name}' has no values (every row is missing).`;
}

/** "Column 'x' has 2 infinite values (such as inf or 1e400), treated as missing." */
export function infiniteNote(name: string, count: number): string {
  return `Column '${name}' has ${count.toLocaleString('en')} infinite value${count === 1 ? '' : 's'} (such as inf or 1e400); ${count === 1 ? 'it is' : 'they are'} treated as missing.`;
}

/**
 * A text column whose values are mostly numbers: which value (and where) kept it from being
 * numeric, e.g. "Column 'x' has numbers in 3,000 rows but 'oops' on line 3002."
 */
async function mixedNumbersNote(table: string, source: Source, position: number, alias: string, n: number, numbers: number): Promise<string | undefined> {
  const column = source.columns[position];
  if (column.storage !== 'text' || numbers === 0 || numbers === n || numbers * 2 < n) return undefined;
  const connection = await getConnection();
  const reader = await connection.runAndReadAll(
    `SELECT ${alias}, rowid FROM ${table} WHERE ${alias} IS NOT NULL AND TRY_CAST(${alias} AS DOUBLE) IS NULL ORDER BY rowid LIMIT 1`,
  );
  const first = reader.getRowsJS()[0];
  if (!first) return undefined;
  const [value, rowid] = [String(first[0]), Number(first[1])];
  const others = n - numbers - 1;
  const shown = value.length > 40 ? `${value.slice(0, 40)}...` : value;
  return (
    `Column '${column.name}' has numbers in ${numbers.toLocaleString('en')} rows but '${shown}' on ${rowPlace(source.format, rowid)}` +
    `${others > 0 ? ` (and ${others.toLocaleString('en')} more value${others === 1 ? '' : 's'} that ${others === 1 ? 'is not a number' : 'are not numbers'})` : ''}, ` +
    'so it is read as text. Correct the value, or write missing values as NA or leave them empty.'
  );
}

/** Where the 0-based data row `rowid` is in the file: a line of a text file (after the header), else a record or row. */
function rowPlace(format: Source['format'], rowid: number): string {
  if (format === 'csv' || format === 'tsv') return `line ${rowid + 2}`;
  return format === 'json' ? `record ${rowid + 1}` : `row ${rowid + 1}`;
}

interface Counts {
  rows: number;
  facts: ColumnFacts[];
  summaries: { mean: number; sd: number; min: number; max: number }[];
  /** Numeric columns: infinite values (missing in the normalized value). */
  infinite: number[];
  /** Text columns: values that read as numbers. */
  numbers: number[];
  /** Counts of each value of the columns with few distinct values (natural order), else undefined. */
  levels: (LevelCount[] | undefined)[];
}

/** Columns per query of the counts that cost little per column (n, moments, integer-ness). */
export const COUNT_BATCH_COLUMNS = 100;

/** Values (rows x columns) per query of the distinct counts, so each query's hash table stays small. */
export const DISTINCT_BATCH_CELLS = 2_000_000;

/**
 * Batches of at most this many columns count their distinct values side by side (a hash table each);
 * wider batches (short files) are unpivoted into one (column, value) table, which costs a pass
 * building that table but one hash table per query (twice the time for a long file's two columns).
 */
export const DIRECT_DISTINCT_COLUMNS = 4;

/**
 * Counts every column in batches, so memory does not grow with the number of columns: first n,
 * moments and integer-ness (a hundred columns a query); then distinct values, a few columns side by
 * side for long files, or many columns unpivoted into one (column, value) table for short, wide files
 * (DuckDB's `count(DISTINCT)` costs a hash table per column and query); then the levels of the
 * columns with few values, and the values of text columns that read as numbers.
 */
async function countColumns(table: string, columns: SourceColumn[], aliases: string[], values: string[]): Promise<Counts> {
  const connection = await getConnection();
  const rows = Number((await connection.runAndReadAll(`SELECT count(*) FROM ${table}`)).getRowsJS()[0][0]);
  const facts: ColumnFacts[] = columns.map((column, position) => ({ name: column.name, position, storage: column.storage, rows, n: 0, distinct: 0 }));
  const summaries: Counts['summaries'] = [];
  const infinite: number[] = [];
  for (let start = 0; start < columns.length; start += COUNT_BATCH_COLUMNS) {
    const batch = range(start, Math.min(columns.length, start + COUNT_BATCH_COLUMNS));
    const parts = ['count(*)'];
    // Each normalized value is computed once, in the subquery, rather than once per aggregate.
    const projected: string[] = [];
    for (const i of batch) {
      const v = quotedIdentifier(`v${i}`);
      projected.push(`${values[i]} AS ${v}`);
      parts.push(`count(${v})`);
      if (columns[i].storage === 'numeric') {
        projected.push(aliases[i]);
        parts.push(`avg(${v})`, `stddev_samp(${v})`, `min(${v})`, `max(${v})`, `bool_and(${v} = round(${v}))`, `count(*) FILTER (WHERE isinf(${aliases[i]}))`);
      }
    }
    const query = `SELECT ${parts.join(', ')} FROM (SELECT ${projected.join(', ')} FROM ${table})`;
    const row = (await connection.runAndReadAll(query)).getRowsJS()[0];
    let k = 1;
    const next = (): unknown => row[k++];
    for (const i of batch) {
      const fact = facts[i];
      fact.n = Number(next());
      if (columns[i].storage === 'numeric') {
        const [mean, sd, min, max] = [next(), next(), next(), next()].map(numberOrNaN);
        fact.integer = next() === true;
        fact.min = min;
        summaries[i] = { mean, sd, min, max };
        infinite[i] = Number(next());
      }
    }
  }
  const distinct = await countDistinct(table, columns, values, rows);
  for (const [i, fact] of facts.entries()) {
    fact.distinct = distinct[i];
    if (columns[i].storage === 'numeric') fact.consecutive = fact.integer && summaries[i].max - summaries[i].min + 1 === fact.distinct;
  }
  // Levels of the columns with few values; a text column's values that read as numbers come from its
  // levels when it has them, else from one pass over the column (casting every row costs more).
  const levels: (LevelCount[] | undefined)[] = [];
  const numbers: number[] = [];
  const manyTextValues: number[] = [];
  for (const [i, column] of columns.entries()) {
    const fewValues = distinct[i] <= (column.storage === 'numeric' ? MAX_NUMERIC_GROUP_LEVELS : MAX_CATEGORICAL_LEVELS);
    if (fewValues) {
      const counted = await countLevels(table, values[i]);
      levels[i] = counted.map(({ value, count }) => ({ value, count }));
      if (column.storage === 'text') numbers[i] = counted.reduce((sum, level) => sum + (level.number ? level.count : 0), 0);
    } else if (column.storage === 'text') manyTextValues.push(i);
  }
  for (let start = 0; start < manyTextValues.length; start += COUNT_BATCH_COLUMNS) {
    const batch = manyTextValues.slice(start, start + COUNT_BATCH_COLUMNS);
    const row = (await connection.runAndReadAll(`SELECT ${batch.map((i) => `count(TRY_CAST(${values[i]} AS DOUBLE))`).join(', ')} FROM ${table}`)).getRowsJS()[0];
    batch.forEach((i, k) => (numbers[i] = Number(row[k])));
  }
  return { rows, facts, summaries, infinite, numbers, levels };
}

/** Distinct non-missing values of every column, in batches of at most DISTINCT_BATCH_CELLS values. */
async function countDistinct(table: string, columns: SourceColumn[], values: string[], rows: number): Promise<number[]> {
  const connection = await getConnection();
  const distinct = new Array<number>(columns.length).fill(0);
  const perBatch = Math.max(1, Math.min(COUNT_BATCH_COLUMNS, Math.floor(DISTINCT_BATCH_CELLS / Math.max(1, rows))));
  // Columns are unpivoted with others of the same storage only (numbers with numbers, text with text).
  const groups = new Map<string, number[]>();
  for (const [i, column] of columns.entries()) {
    const group = column.storage === 'numeric' ? 'numeric' : 'text';
    groups.set(group, [...(groups.get(group) ?? []), i]);
  }
  for (const members of groups.values()) {
    for (let start = 0; start < members.length; start += perBatch) {
      const batch = members.slice(start, start + perBatch);
      if (batch.length <= DIRECT_DISTINCT_COLUMNS) {
        const row = (await connection.runAndReadAll(`SELECT ${batch.map((i) => `count(DISTINCT ${values[i]})`).join(', ')} FROM ${table}`)).getRowsJS()[0];
        batch.forEach((i, k) => (distinct[i] = Number(row[k])));
        continue;
      }
      const select = batch.map((i) => `${values[i]} AS ${quotedIdentifier(`d${i}`)}`).join(', ');
      const reader = await connection.runAndReadAll(
        `SELECT k, count(DISTINCT v) FROM (UNPIVOT (SELECT ${select} FROM ${table}) ON COLUMNS(*) INTO NAME k VALUE v) GROUP BY k`,
      );
      for (const [name, count] of reader.getRowsJS()) distinct[Number(String(name).slice(1))] = Number(count);
    }
  }
  return distinct;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}

function numberOrNaN(value: unknown): number {
  return value === null || value === undefined ? NaN : Number(value);
}

/**
 * Counts of each non-missing value of a column, in natural order (numbers printed as JavaScript
 * prints them), and whether the value reads as a number (DuckDB's cast to DOUBLE).
 */
async function countLevels(table: string, value: string): Promise<(LevelCount & { number: boolean })[]> {
  const connection = await getConnection();
  const reader = await connection.runAndReadAll(
    `SELECT value, count, TRY_CAST(value AS DOUBLE) IS NOT NULL FROM (SELECT ${value} AS value, count(*) AS count FROM ${table} WHERE ${value} IS NOT NULL GROUP BY ${value})`,
  );
  return reader
    .getRowsJS()
    .map(([value, count, number]) => ({ value: String(value), count: Number(count), number: number === true }))
    .sort((a, b) => compareNatural(a.value, b.value));
}
