/**
 * Every user-facing error message of the kernel, by code. Each area keeps its table in its own
 * `messages.ts`; this file merges them so that `ErrorCode` is one string union and a code is
 * defined exactly once. Messages say what is wrong, where, and what to do.
 */
import { analysisMessages } from './analyses/messages.js';
import { dataMessages } from './data/messages.js';
import { decideMessages } from './decide/messages.js';
import { llmMessages } from './llm/messages.js';
import { notebookMessages } from './notebook/messages.js';
import { provenanceMessages } from './provenance/messages.js';
import { workerMessages } from './worker/messages.js';

/** Values a message is built from. */
export type MessageParams = Record<string, string | number | boolean | null | undefined | readonly string[]>;

/** A table of messages: code -> builder. */
export type MessageTable = Record<string, (params: MessageParams) => string>;

const generalMessages = {
  'internal-error': (p: MessageParams) =>
    `Inferra hit an internal error: ${p.detail}. This is a bug; please report it with the notebook and dataset.`,
  'usage': (p: MessageParams) => `${p.detail}`,
  'cancelled': () => 'The run was cancelled.',
} satisfies MessageTable;

const messages = {
  ...generalMessages,
  ...dataMessages,
  ...analysisMessages,
  ...decideMessages,
  ...llmMessages,
  ...notebookMessages,
  ...provenanceMessages,
  ...workerMessages,
};

/** Every error code of the kernel. */
export type ErrorCode = keyof typeof messages;

/** The message for a code, or a generic one for an unknown code (e.g. from an older worker). */
export function messageFor(code: ErrorCode, params: MessageParams): string {
  const build = (messages as MessageTable)[code];
  return build ? build(params) : `Error ${code}.`;
}

/** Whether a string is a known error code (validating errors that cross a boundary). */
export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(messages, code);
}

/** "a, b or c": a list for messages. */
export function formatList(items: readonly string[], conjunction = 'or'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/** " Did you mean 'x'?" or "" when there is no suggestion. */
export function didYouMean(suggestion: unknown): string {
  return typeof suggestion === 'string' && suggestion ? ` Did you mean '${suggestion}'?` : '';
}
