/**
 * Every user-facing error message of the kernel, by code: one table per area in this folder, merged
 * here so that `ErrorCode` is one string union and a code is defined exactly once. A leaf: nothing
 * here imports the areas whose errors it words. Messages say what is wrong, where, and what to do.
 */
import { analysisMessages } from './analyses.js';
import { dataMessages } from './data.js';
import { decideMessages } from './decide.js';
import { llmMessages } from './llm.js';
import { notebookMessages } from './notebook.js';
import { provenanceMessages } from './provenance.js';
import { workerMessages } from './worker.js';

import type { MessageParams, MessageTable } from './types.js';

export { didYouMean, formatList, type MessageParams, type MessageTable } from './types.js';

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
