/** Printing for the CLI: exactly one JSON document on stdout with --json; everything else on stderr. */
import { InferraError, toInferraError } from '../kernel/api.js';
import { cliMessage } from './advice.js';

/** Exit codes of CONTRACT.md. */
export const EXIT = { ok: 0, failed: 1, usage: 2, undecided: 3 } as const;

/** Error codes that mean "bad usage or unreadable file" (exit 2) rather than "the analysis failed" (exit 1). */
const USAGE_CODES = new Set([
  'usage',
  'invalid-option',
  'file-not-found',
  'database-locator-invalid',
  'database-not-found',
  'table-not-found',
  'analysis-not-in-database',
  'file-empty',
  'binary-file',
  'unsupported-format',
  'no-header',
  'parse-failed',
  'notebook-not-found',
  'notebook-parse-failed',
  'notebook-invalid',
  'notebook-version',
  'too-many-columns',
  'supabase-not-configured',
  'supabase-project-not-found',
  'supabase-project-ambiguous',
]);

/** CONTRACT.md spells error codes in upper snake case (`COLUMN_NOT_FOUND`). */
export function contractErrorCode(code: string): string {
  return code.toUpperCase().replace(/-/g, '_');
}

/** The error object of CONTRACT.md; its message carries the command line's advice (cli/advice.ts). */
export function errorJson(error: InferraError): Record<string, unknown> {
  return {
    status: 'error',
    code: contractErrorCode(error.code),
    message: cliMessage(error),
    details: { ...error.params },
  };
}

/** The exit code for an error. */
export function exitCodeFor(error: InferraError): number {
  return USAGE_CODES.has(error.code) ? EXIT.usage : EXIT.failed;
}

/** Writes one JSON document to stdout. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Writes human-readable text to stdout. */
export function printText(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

/** Writes a log line to stderr. */
export function logLine(text: string): void {
  process.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
}

/** Reports an error as the command's answer and returns its exit code. */
export function reportError(thrown: unknown, json: boolean): number {
  const error = toInferraError(thrown);
  if (json) printJson(errorJson(error));
  else logLine(`inferra: ${cliMessage(error)}`);
  if (error.code === 'internal-error' && process.env.INFERRA_DEBUG) logLine(String((error.cause as Error)?.stack ?? ''));
  return exitCodeFor(error);
}
