/** Error-code assertions: tests assert an InferraError's code, never its wording. */
import assert from 'node:assert/strict';
import { InferraError } from '../../kernel/errors.js';

/** Assert that `fn` throws an InferraError with this code, and return the error. */
export function expectCode(fn: () => unknown, code: string): InferraError {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof InferraError, `expected an InferraError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    return error;
  }
  assert.fail(`expected an error with code ${code}`);
}
