/**
 * A daily token budget per user, counted in a small JSON file (`{"date": "YYYY-MM-DD", "tokens": n}`,
 * UTC days). Before a call, the tokens used today plus the call's estimated size (request text,
 * schema and the most output tokens allowed) must fit in the budget, so one call cannot overshoot it
 * by more than the estimate misses; after the call, the tokens the API reports are added.
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { InferraError } from '../errors.js';
import { writeFileAtomicSync } from '../util/atomic-write.js';

/** The default usage file, `$XDG_STATE_HOME/inferra/llm-usage.json` (or under `~/.local/state`). */
export function defaultUsageFile(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_STATE_HOME || join(homedir(), '.local', 'state');
  return join(base, 'inferra', 'llm-usage.json');
}

/** The CLI's daily budget when INFERRA_LLM_DAILY_BUDGET_TOKENS is unset (as VS Code's default). */
export const DEFAULT_DAILY_BUDGET_TOKENS = 200_000;

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Tokens a call may cost at most, estimated before it is made: the request body at one token per
 * 3 bytes of UTF-8 (tokenizers average about 4 characters of English or JSON per token, and about
 * one token per CJK character, which is 3 bytes), plus the most output tokens the call allows.
 */
export function estimateCallTokens(requestBody: string, maxOutputTokens: number): number {
  return Math.ceil(Buffer.byteLength(requestBody, 'utf8') / 3) + Math.max(0, maxOutputTokens);
}

/** Tokens used today according to the file (0 when absent, unreadable or from another day). */
export function readTokensUsedToday(file: string): number {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as { date?: unknown; tokens?: unknown };
    return data.date === today() && typeof data.tokens === 'number' && data.tokens >= 0 ? data.tokens : 0;
  } catch {
    return 0;
  }
}

/**
 * Throws `llm-budget-exhausted` when today's tokens plus the call's estimate (`needed`, 0 when only
 * asking whether anything is left) would pass the budget.
 */
export function checkBudget(file: string, budget: number | undefined, needed = 0): void {
  if (budget === undefined) return;
  const used = readTokensUsedToday(file);
  if (used >= budget || used + needed > budget) throw new InferraError('llm-budget-exhausted', { used, budget, file, needed });
}

/** Adds a call's tokens to today's count (written atomically). */
export function recordTokens(file: string, tokens: number): void {
  const total = readTokensUsedToday(file) + Math.max(0, tokens);
  try {
    writeFileAtomicSync(file, JSON.stringify({ date: today(), tokens: total }));
  } catch {
    // Not being able to count must not break a decision; the next check reads what is there.
  }
}
