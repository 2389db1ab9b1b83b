/**
 * Schema inference for a database table, with the file's column classification (classify.ts): the
 * columns and types from information_schema; per column, in the database, the counts the rules need
 * (n, distinct, integer-ness, range, infinite values; mean and SD over exact numeric sums), and the
 * levels of columns with few distinct values. Only these counts come back.
 */
import type pg from 'pg';
import type { ColumnSchema, DatasetSchema, LevelCount } from '../../types.js';
import { compareNatural } from '../../util/natural-sort.js';
import { classifyColumn, MAX_CATEGORICAL_LEVELS, MAX_NUMERIC_GROUP_LEVELS, type ColumnFacts } from '../classify.js';
import { postgresDialect } from '../plan/dialect.js';
import { BOOLEAN_WORDS, infiniteNote, noValuesNote } from '../schema.js';
import { hashDatabaseTable } from './hash.js';
import { canonicalLocator, tableName, type PostgresLocator } from './locator.js';
import { fromTable, type PostgresColumn } from './source.js';

/** The schema of a table, with its content hash in `sha256`. */
export async function inferPostgresSchema(client: pg.Client, l: PostgresLocator, columns: readonly PostgresColumn[]): Promise<DatasetSchema> {
  const { sha256, rows } = await hashDatabaseTable(client, l, columns);
  const parts: string[] = [];
  for (const [i, c] of columns.entries()) {
    const v = `v${i}`;
    parts.push(`count(${v})`, `count(DISTINCT ${v})`);
    if (c.storage === 'numeric') {
      parts.push(
        `CAST(avg(CAST(${v} AS numeric)) AS TEXT)`,
        `CAST(stddev_samp(CAST(${v} AS numeric)) AS TEXT)`,
        `CAST(min(${v}) AS TEXT)`,
        `CAST(max(${v}) AS TEXT)`,
        `coalesce(bool_and(${v} = round(${v})), false)`,
        `count(*) FILTER (WHERE CAST(r${i} AS DOUBLE PRECISION) IN ('Infinity'::float8, '-Infinity'::float8))`,
      );
    }
  }
  const projected = columns.flatMap((c, i) => [`${c.expression} AS v${i}`, ...(c.storage === 'numeric' ? [`${postgresDialect.identifier(c.name)} AS r${i}`] : [])]);
  const inner = `SELECT ${projected.join(', ') || '1 AS one'} FROM ${fromTable(l)}`;
  const result = await client.query({ text: `SELECT ${parts.join(', ') || '1'} FROM (${inner}) AS t`, rowMode: 'array' });
  const row = (result.rows[0] ?? []) as unknown[];
  let k = 0;
  const next = (): unknown => row[k++];
  const out: ColumnSchema[] = [];
  for (const [position, c] of columns.entries()) {
    const facts: ColumnFacts = { name: c.name, position, storage: c.storage, rows, n: Number(next()), distinct: Number(next()) };
    let summary: ColumnSchema['summary'];
    let infinite = 0;
    if (c.storage === 'numeric') {
      const [mean, sd, min, max] = [next(), next(), next(), next()].map((x) => (x === null ? NaN : Number(x)));
      facts.integer = next() === true;
      facts.min = min;
      facts.consecutive = facts.integer && max - min + 1 === facts.distinct;
      summary = { mean, sd, min, max };
      infinite = Number(next());
    }
    const fewValues = facts.distinct <= (c.storage === 'numeric' ? MAX_NUMERIC_GROUP_LEVELS : MAX_CATEGORICAL_LEVELS);
    const levels = fewValues ? await countLevels(client, l, c) : undefined;
    if (c.storage === 'text') facts.booleanWords = levels?.every((x) => BOOLEAN_WORDS.has(x.value.trim().toLowerCase())) ?? false;
    const { kind, usableAsGroup } = classifyColumn(facts);
    const wantsLevels = kind === 'categorical' || kind === 'boolean' || (kind === 'numeric' && usableAsGroup);
    const schema: ColumnSchema = { name: c.name, kind, storageType: c.storageType, n: facts.n, missing: rows - facts.n, distinct: facts.distinct, usableAsGroup };
    if (wantsLevels && levels) schema.levels = levels;
    if (kind === 'numeric' && summary) schema.summary = summary;
    if (infinite > 0) schema.nonFinite = infinite;
    const note = facts.n === 0 ? noValuesNote(c.name) : infinite > 0 ? infiniteNote(c.name, infinite) : undefined;
    if (note) schema.note = note;
    out.push(schema);
  }
  return { name: tableName(l), path: canonicalLocator(l), format: 'postgres', sha256, rows, columns: out };
}

/** Counts of each value of a column, in natural order (numbers as JavaScript prints them). */
async function countLevels(client: pg.Client, l: PostgresLocator, c: PostgresColumn): Promise<LevelCount[]> {
  const result = await client.query({
    text: `SELECT CAST(v AS TEXT), count(*) FROM (SELECT ${c.expression} AS v FROM ${fromTable(l)}) AS t WHERE v IS NOT NULL GROUP BY v`,
    rowMode: 'array',
  });
  return (result.rows as [string, string][])
    .map(([value, count]) => ({ value: c.numeric ? String(Number(value)) : value, count: Number(count) }))
    .sort((a, b) => compareNatural(a.value, b.value));
}
