/**
 * Answers of the LLM fallback cached by a hash of (request, schema summary, model): in memory, and
 * on disk (one JSON file per hash) when a cache folder is configured.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Decision } from '../decide/types.js';
import { writeFileAtomicSync } from '../util/atomic-write.js';
import type { SchemaSummary } from './prompt.js';

const memory = new Map<string, Decision>();

/** SHA-256 (hex) of the request, the schema summary and the model. */
export function hashPrompt(prompt: string, summary: SchemaSummary, model: string): string {
  return createHash('sha256').update(JSON.stringify({ prompt, summary, model })).digest('hex');
}

/** A cached decision, from memory or disk. */
export function readCachedDecision(hash: string, cacheDir?: string): Decision | undefined {
  const hit = memory.get(hash);
  if (hit) return structuredClone(hit);
  if (!cacheDir) return undefined;
  try {
    const decision = JSON.parse(readFileSync(join(cacheDir, `${hash}.json`), 'utf8')) as Decision;
    if (decision?.status !== 'decided' || decision.source !== 'llm') return undefined;
    memory.set(hash, decision);
    return structuredClone(decision);
  } catch {
    return undefined;
  }
}

/** Stores a decision in memory and, when configured, on disk (written atomically). */
export function writeCachedDecision(hash: string, decision: Decision, cacheDir?: string): void {
  memory.set(hash, structuredClone(decision));
  if (!cacheDir) return;
  try {
    writeFileAtomicSync(join(cacheDir, `${hash}.json`), JSON.stringify(decision), { removeStale: false });
  } catch {
    // A cache that cannot be written only costs a repeated call.
  }
}

/** Empties the in-memory cache (tests). */
export function clearMemoryCache(): void {
  memory.clear();
}
