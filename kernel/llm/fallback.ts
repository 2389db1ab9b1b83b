/**
 * Deciding a cell's analysis: the rules first; only when they find no match, and only when the
 * caller allows it and a key is set, the LLM fallback. LLM failures are thrown as InferraErrors
 * with `llm-*` codes. (Here rather than in decide/, which knows nothing of the LLM.)
 */
import { decideWithRules } from '../decide/rules-engine.js';
import type { DecisionOutcome, RuleSet } from '../decide/types.js';
import type { DatasetSchema } from '../types.js';
import { decideWithLlm } from './decide.js';
import type { LlmSettings } from './types.js';

/** Options of `decideAnalysis`. */
export interface DecideOptions {
  llm?: LlmSettings;
  allowLlm?: boolean;
  signal?: AbortSignal;
  /** Rules to use instead of the repository's `rules/`. */
  rules?: RuleSet;
}

/** Rules first; the LLM only on `no_match`, when allowed and a key is set. */
export async function decideAnalysis(prompt: string, schema: DatasetSchema, options: DecideOptions = {}): Promise<DecisionOutcome> {
  const outcome = decideWithRules(prompt, schema, options.rules);
  if (outcome.status !== 'no_match' || !options.allowLlm || !options.llm?.apiKey) return outcome;
  return decideWithLlm(prompt, schema, options.llm, options.signal);
}
