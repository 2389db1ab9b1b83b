/**
 * Made-up schemas for the decision-engine principle tests: columns described by kind and levels only
 * (no data, no DuckDB), so each test states exactly what the engine sees. `madeUp(rows)` gives the
 * column builders for a table of that many rows.
 */
import assert from 'node:assert/strict';
import type { DecisionOutcome } from '../../../kernel/decide/index.js';
import type { ColumnSchema, DatasetSchema } from '../../../kernel/types.js';

const base = { storageType: 'VARCHAR', missing: 0 };

/** Builders of columns and schemas for a table of `rows` rows (`name` the default file name). */
export function madeUp(rows: number, defaultName = 't.csv') {
  const levelsOf = (values: string[], n: number) => values.map((value) => ({ value, count: n / values.length }));
  return {
    /** A measurement: every value distinct. */
    numeric: (name: string, n = rows): ColumnSchema => ({ ...base, name, kind: 'numeric', storageType: 'DOUBLE', n, distinct: n, usableAsGroup: false }),
    /** A number with few values (codes 0/1, 1..k). */
    coded: (name: string, values: string[], n = rows): ColumnSchema => ({ ...base, name, kind: 'numeric', storageType: 'DOUBLE', n, distinct: values.length, usableAsGroup: true, levels: levelsOf(values, n) }),
    /** A categorical column with these levels, equally often. */
    factor: (name: string, values: string[], n = rows): ColumnSchema => ({ ...base, name, kind: 'categorical', n, distinct: values.length, usableAsGroup: true, levels: levelsOf(values, n) }),
    schema: (columns: ColumnSchema[], name = defaultName): DatasetSchema => ({ name, path: `/${name}`, format: 'csv', sha256: '', rows, columns }),
  };
}

/** `decided` for a decision, else the reason code. */
export function reasonOf(out: DecisionOutcome): string {
  return out.status === 'decided' ? 'decided' : out.reason.code;
}

/** The decision, or a failure that says what came back instead. */
export function decided(out: DecisionOutcome): Extract<DecisionOutcome, { status: 'decided' }> {
  if (out.status !== 'decided') assert.fail(`expected a decision, got ${out.status} [${out.reason.code}]: ${out.rationale}`);
  return out;
}
