/**
 * Schema inference: what each column of a dataset is (kind, counts, levels, summary), as
 * `inferra describe` prints it and the decision rules read it.
 * 1. open the source (format, reader, normalized column expressions);
 * 2. materialize the normalized columns once in a temporary table (kept for the next loads of the
 *    same file: the last few datasets stay in DuckDB, so a notebook's cells do not re-parse the file);
 * 3. count per column in one query (n, distinct, moments, integer-ness);
 * 4. count the levels of columns with few distinct values, and classify each column (classify.ts).
 */
import { quotedIdentifier } from '@duckdb/node-api';
import { InferraError } from '../errors.js';
import type { ColumnSchema, DatasetSchema, LevelCount } from '../types.js';
import { compareNatural } from '../util/natural-sort.js';
import { MAX_CATEGORICAL_LEVELS, MAX_NUMERIC_GROUP_LEVELS, classifyColumn, type ColumnFacts } from './classify.js';
import { getConnection } from './duckdb.js';
import { hashFile } from './hash.js';
import { openSource, parseErrorFrom, sourceKey, type Source, type SourceColumn } from './source.js';

const schemas = new Map<string, Promise<Omit<DatasetSchema, 'name' | 'path'>>>();
let temporaryTables = 0;

/** How many datasets stay materialized in DuckDB after their schema was inferred. */
const MATERIALIZED_DATASETS = 3;

/** A dataset's normalized columns held in a DuckDB temporary table (column i is named `c<i>`). */
export interface MaterializedTable {
  table: string;
  /** Quoted column identifiers, in the source's column order. */
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
  const select = source.columns.map((c, i) => `${c.expression} AS ${aliases[i]}`).join(', ');
  try {
    await connection.run(`CREATE TEMP TABLE ${table} AS SELECT ${select || '1 AS c'} FROM ${source.reader}`);
  } catch (error) {
    throw parseErrorFrom(error, source.path, source.format);
  }
  let keep = false;
  try {
    const counts = await countColumns(table, source.columns, aliases);
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
      const fewValues = facts.distinct <= (column.storage === 'numeric' ? MAX_NUMERIC_GROUP_LEVELS : MAX_CATEGORICAL_LEVELS);
      const levels = fewValues ? await countLevels(table, aliases[i]) : undefined;
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
      columns.push(schema);
    }
    await keepMaterialized(key, { table, columns: aliases });
    keep = true;
    return { format: source.format, rows, columns };
  } finally {
    if (!keep) await connection.run(`DROP TABLE IF EXISTS ${table}`).catch(() => undefined);
  }
}

const BOOLEAN_WORDS = new Set(['true', 'false', 'yes', 'no']);

interface Counts {
  rows: number;
  facts: ColumnFacts[];
  summaries: { mean: number; sd: number; min: number; max: number }[];
}

/** One query counting every column: n, distinct, and for numbers the moments and integer-ness. */
async function countColumns(table: string, columns: SourceColumn[], aliases: string[]): Promise<Counts> {
  const connection = await getConnection();
  const parts = ['count(*)'];
  for (const [i, column] of columns.entries()) {
    const c = aliases[i];
    parts.push(`count(${c})`, `count(DISTINCT ${c})`);
    if (column.storage === 'numeric') {
      parts.push(`avg(${c})`, `stddev_samp(${c})`, `min(${c})`, `max(${c})`, `bool_and(${c} = round(${c}))`);
    }
  }
  const reader = await connection.runAndReadAll(`SELECT ${parts.join(', ')} FROM ${table}`);
  const row = reader.getRowsJS()[0];
  let k = 0;
  const next = (): unknown => row[k++];
  const rows = Number(next());
  const facts: ColumnFacts[] = [];
  const summaries: Counts['summaries'] = [];
  for (const [position, column] of columns.entries()) {
    const n = Number(next());
    const distinct = Number(next());
    const fact: ColumnFacts = { name: column.name, position, storage: column.storage, rows, n, distinct };
    if (column.storage === 'numeric') {
      const [mean, sd, min, max] = [next(), next(), next(), next()].map(numberOrNaN);
      fact.integer = next() === true;
      fact.consecutive = fact.integer && max - min + 1 === distinct;
      fact.min = min;
      summaries[position] = { mean, sd, min, max };
    }
    facts.push(fact);
  }
  return { rows, facts, summaries };
}

function numberOrNaN(value: unknown): number {
  return value === null || value === undefined ? NaN : Number(value);
}

/** Counts of each non-missing value of a column, in natural order (numbers printed as JavaScript prints them). */
async function countLevels(table: string, alias: string): Promise<LevelCount[]> {
  const connection = await getConnection();
  const reader = await connection.runAndReadAll(
    `SELECT ${alias} AS value, count(*) AS count FROM ${table} WHERE ${alias} IS NOT NULL GROUP BY ${alias}`,
  );
  return reader
    .getRowsJS()
    .map(([value, count]) => ({ value: String(value), count: Number(count) }))
    .sort((a, b) => compareNatural(a.value, b.value));
}
