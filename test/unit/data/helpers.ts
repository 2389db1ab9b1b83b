/** Shared helpers of the data tests. */
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { isInferraError } from '../../../kernel/errors.js';
import type { Column, NumericColumn, Table, TextColumn } from '../../../kernel/types.js';

/** Absolute path of a file under test/fixtures/data. */
export function fixture(name: string): string {
  return fileURLToPath(new URL(`../../fixtures/data/${name}`, import.meta.url));
}

/** Asserts that a promise rejects with an InferraError of this code, and returns it. */
export async function rejectsWithCode(promise: Promise<unknown>, code: string) {
  try {
    await promise;
  } catch (error) {
    assert.ok(isInferraError(error), `expected an InferraError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    return error;
  }
  assert.fail(`expected an error with code ${code}, but the promise resolved`);
}

/** A loaded column by name. */
export function columnOf(table: Table, name: string): Column {
  const column = table.columns.find((c) => c.name === name);
  assert.ok(column, `no column ${name} in ${table.columns.map((c) => c.name).join(', ')}`);
  return column;
}

/** The values of a numeric column as a plain array (NaN kept). */
export function numbersOf(table: Table, name: string): number[] {
  const column = columnOf(table, name);
  assert.equal(column.kind, 'numeric', `${name} should be numeric`);
  return Array.from((column as NumericColumn).values);
}

/** The values of a text-valued column. */
export function textsOf(table: Table, name: string): (string | null)[] {
  const column = columnOf(table, name);
  assert.notEqual(column.kind, 'numeric', `${name} should not be numeric`);
  return (column as TextColumn).values;
}
