import { messageFor, type ErrorCode, type MessageParams } from './messages/index.js';

export type { ErrorCode, MessageParams } from './messages/index.js';

/** An error whose message is safe to show in a notebook cell or a terminal. */
export class InferraError extends Error {
  override readonly name = 'InferraError';

  constructor(
    readonly code: ErrorCode,
    readonly params: MessageParams = {},
    options?: ErrorOptions,
  ) {
    super(messageFor(code, params), options);
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
  return value instanceof InferraError;
}

/** Rebuilds an InferraError from its data form (the worker's replies). */
export function errorFromData(data: ErrorData): InferraError {
  return new InferraError(data.code, data.params);
}

/** Any thrown value as an InferraError: known errors pass through, others become `internal-error`. */
export function toInferraError(value: unknown): InferraError {
  if (value instanceof InferraError) return value;
  const detail = value instanceof Error ? value.message : String(value);
  return new InferraError('internal-error', { detail }, { cause: value });
}
