/**
 * The doors' advice tables (cli/advice.ts, extension/advice.ts): their shape, and the door's message
 * for an error (the kernel's message, then the door's advice). Apart from index.ts so that a door
 * using it does not bundle every message.
 */
import type { ErrorCode, ExactParamsOf } from './index.js';
import type { MessageParams } from './types.js';

/**
 * A door's advice for one code: how to fix it in that door's terms (a CLI flag, a VS Code command),
 * from the code's params; a fixed text; or `null` when the kernel's message says all there is.
 */
export type Advice<C extends ErrorCode> = ((params: ExactParamsOf<C>) => string) | string | null;

/** A door's advice for every code: a new code does not compile until each door says what to advise. */
export type AdviceTable = { readonly [C in ErrorCode]: Advice<C> };

/** The advice of a door for an error, or '' when there is none (or the code is unknown). */
export function adviceFor(table: AdviceTable, code: string, params: MessageParams): string {
  if (!Object.hasOwn(table, code)) return '';
  const advice = table[code as ErrorCode] as Advice<ErrorCode>;
  if (typeof advice === 'function') return (advice as (p: MessageParams) => string)(params);
  return advice ?? '';
}

/** An error's message followed by a door's advice for it: what the door prints. */
export function messageWithAdvice(table: AdviceTable, error: { code: string; message: string; params: MessageParams }): string {
  const advice = adviceFor(table, error.code, error.params);
  return advice ? `${error.message} ${advice}` : error.message;
}
