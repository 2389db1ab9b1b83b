/**
 * Each error code's params are a typed shape: a misspelt, missing or extra param does not compile.
 * The `@ts-expect-error` lines are checked by `npm run typecheck` (tsc fails if a line compiles, as
 * the directive is then unused); the test below also runs them to show the messages they would give.
 */
import assert from 'node:assert/strict';
import { InferraError } from '../../../kernel/errors.js';
import { ERROR_CODES, messageFor } from '../../../kernel/messages/index.js';

/** Constructions that must not compile, kept in a function that only the type checker reads. */
export function misuses(): unknown[] {
  return [
    // @ts-expect-error a misspelt param ('colum' for 'column')
    new InferraError('column-not-found', { colum: 'x' }),
    // @ts-expect-error a missing param ('timeoutMs')
    new InferraError('timeout', {}),
    // @ts-expect-error a param of the wrong type (a number is not the file's path)
    new InferraError('file-not-found', { path: 3 }),
    // @ts-expect-error params are required when the message uses them
    new InferraError('zero-variance'),
    // @ts-expect-error a code that does not exist
    new InferraError('no-such-code', {}),
    // @ts-expect-error messageFor is typed the same way
    messageFor('level-not-found', { column: 'g', level: 'x', levls: 'a, b' }),
  ];
}

describe('kernel/messages: typed params', () => {
  it('builds a message from the params its code states, and fixed messages without params', () => {
    const error = new InferraError('column-not-found', { column: 'lenght', suggestion: 'length' });
    assert.equal(error.message, "No column 'lenght'. Did you mean 'length'?");
    assert.deepEqual(error.toData(), { code: 'column-not-found', params: { column: 'lenght', suggestion: 'length' } });
    assert.equal(new InferraError('cancelled').message, 'The run was cancelled.');
    assert.equal(messageFor('timeout', { timeoutMs: 30_000 }), 'The run took longer than 30 s and was stopped.');
  });

  it('lists every code once', () => {
    assert.equal(new Set(ERROR_CODES).size, ERROR_CODES.length);
    assert.ok(ERROR_CODES.includes('dataset-outside-folder'));
  });
});
