import { messageFor, type ErrorCode, type MessageParams, type ParamsArgs } from './messages/index.js';

export { ERROR_CODES, type ErrorCode, type ExactParamsOf, type MessageParams, type ParamsOf } from './messages/index.js';

/** Marks an InferraError whichever copy of this module made it (Symbol.for: shared by every copy). */
const BRAND = Symbol.for('inferra.error');

/**
 * An error whose message is safe to show in a notebook cell or a terminal. It is built with the params
 * its code's message states (`new InferraError('timeout', { timeoutMs })`: a misspelt or missing param
 * does not compile); read back, its params are plain values (`MessageParams`), as they cross the worker
 * boundary and go into JSON.
 */
export class InferraError<C extends ErrorCode = ErrorCode> extends Error {
  override readonly name = 'InferraError';
  readonly params: MessageParams;
  /** The brand `isInferraError` reads: a second copy of this module (a lazily loaded chunk) makes errors this one's `instanceof` does not know. */
  readonly [BRAND] = true;

  constructor(
    readonly code: C,
    ...args: [...ParamsArgs<C>, options?: ErrorOptions]
  ) {
    const given = (args[0] ?? {}) as MessageParams;
    super(messageFor<ErrorCode>(code, given), args[1] as ErrorOptions | undefined);
    this.params = given;
  }

  /** The form errors take across the worker boundary and in JSON output. */
  toData(): ErrorData {
    return { code: this.code, params: this.params };
  }
}

/** An error as plain data: `{ code, params }`. */
export interface ErrorData {
  code: ErrorCode;
  params: MessageParams;
}

/** Whether a value is an InferraError. */
export function isInferraError(value: unknown): value is InferraError {
  return value instanceof InferraError || (typeof value === 'object' && value !== null && (value as { [BRAND]?: unknown })[BRAND] === true);
}

/** Rebuilds an InferraError from its data form (the worker's replies). */
export function errorFromData(data: ErrorData): InferraError {
  return new InferraError(data.code, data.params);
}

/** Any thrown value as an InferraError: known errors pass through, others become `internal-error`. */
export function toInferraError(value: unknown): InferraError {
  if (value instanceof InferraError) return value;
  // One from another copy of this module (a lazily loaded chunk): the same error, as this copy's.
  if (isInferraError(value)) return new InferraError(value.code, value.params, { cause: value });
  const detail = value instanceof Error ? value.message : String(value);
  return new InferraError('internal-error', { detail }, { cause: value });
}
