/**
 * A daily token budget per user, counted in a small JSON file (`{"date": "YYYY-MM-DD", "tokens": n}`,
 * UTC days): checked before a call, increased after it.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { InferraError } from '../errors.js';

/** The default usage file, `~/.inferra/llm-usage.json`. */
export function defaultUsageFile(): string {
  return join(homedir(), '.inferra', 'llm-usage.json');
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
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

/** Throws `llm-budget-exhausted` when today's tokens reached the budget. */
export function checkBudget(file: string, budget: number | undefined): void {
  if (budget === undefined) return;
  const used = readTokensUsedToday(file);
  if (used >= budget) throw new InferraError('llm-budget-exhausted', { used, budget, file });
}

/** Adds a call's tokens to today's count (written atomically). */
export function recordTokens(file: string, tokens: number): void {
  const total = readTokensUsedToday(file) + Math.max(0, tokens);
  try {
    mkdirSync(dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify({ date: today(), tokens: total }));
    renameSync(temp, file);
  } catch {
    // Not being able to count must not break a decision; the next check reads what is there.
  }
}
