/**
 * Every user-facing error message of the kernel, by code: one table per area in this folder, merged
 * here so that `ErrorCode` is one string union and a code is defined exactly once. A leaf: nothing
 * here imports the areas whose errors it words. Messages say what is wrong and where; how to fix it
 * in a door's own terms (a CLI flag, a VS Code command or setting) is the door's advice
 * (cli/advice.ts, extension/advice.ts).
 *
 * Each builder states the shape of its params, so `new InferraError(code, params)` and
 * `messageFor(code, params)` do not compile with a misspelt or missing param.
 */
import { analysisMessages } from './analyses.js';
import { dataMessages } from './data.js';
import { decideMessages } from './decide.js';
import { llmMessages } from './llm.js';
import { notebookMessages } from './notebook.js';
import { provenanceMessages } from './provenance.js';
import type { MessageParams, MessageTable, NoParams } from './types.js';
import { workerMessages } from './worker.js';

export { adviceFor, messageWithAdvice, type Advice, type AdviceTable } from './advice.js';
export { didYouMean, formatList, type MessageParams, type MessageTable, type MessageValue, type NoParams } from './types.js';

const generalMessages = {
  'internal-error': (p: { detail: string }) =>
    `Inferra hit an internal error: ${p.detail}. This is a bug; please report it with the notebook and dataset.`,
  'usage': (p: { detail: string }) => p.detail,
  'cancelled': () => 'The run was cancelled.',
  'workspace-untrusted': () => 'Inferra does not run cells in a workspace you have not trusted.',
};

const messages = {
  ...generalMessages,
  ...dataMessages,
  ...analysisMessages,
  ...decideMessages,
  ...llmMessages,
  ...notebookMessages,
  ...provenanceMessages,
  ...workerMessages,
} satisfies MessageTable;

type Messages = typeof messages;

/** Every error code of the kernel. */
export type ErrorCode = keyof Messages;

/** Every error code, for iteration (the doors' advice tables are checked against it). */
export const ERROR_CODES = /* @__PURE__ */ Object.freeze(Object.keys(messages)) as readonly ErrorCode[];

/** The params of one code exactly as its message states them (`NoParams` for a fixed message). */
export type ExactParamsOf<C extends ErrorCode> = Parameters<Messages[C]> extends [infer P, ...unknown[]] ? P : NoParams;

/**
 * The params of a code: its exact shape for a known code, the loose `MessageParams` for the whole
 * union (an error read back from the worker or from JSON, whose code is only known at run time).
 */
export type ParamsOf<C extends ErrorCode> = ErrorCode extends C ? MessageParams : ExactParamsOf<C>;

/** The params argument(s) of a code: optional when every param is. */
export type ParamsArgs<C extends ErrorCode> = Record<string, never> extends ParamsOf<C>
  ? [params?: ParamsOf<C>]
  : [params: ParamsOf<C>];

// Every code's params must be plain message values (they cross the worker boundary and go into JSON).
type AllPlain = { [C in ErrorCode]: ExactParamsOf<C> extends MessageParams ? true : C }[ErrorCode];
const allPlain: AllPlain = true;
void allPlain;

/** The message for a code, or a generic one for an unknown code (e.g. from an older worker). */
export function messageFor<C extends ErrorCode>(code: C, ...[params]: ParamsArgs<C>): string {
  const build = (messages as unknown as Record<string, (p: MessageParams) => string>)[code];
  return build ? build((params ?? {}) as MessageParams) : `Error ${code}.`;
}

/** Whether a string is a known error code (validating errors that cross a boundary). */
export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(messages, code);
}

