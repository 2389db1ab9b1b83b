/**
 * What the decision engine returns: one decision, an ambiguity with concrete choices, or no match.
 * Plain data (it is stored in notebooks as JSON through `json.ts`).
 */
import type { AnalysisOptions, Roles, TaskId } from '../types.js';

/** One concrete choice offered to the researcher (or listed next to a decision). */
export interface Choice {
  analysis: TaskId;
  roles: Roles;
  options?: Partial<AnalysisOptions>;
  /** One line: why this choice fits. */
  why: string;
}

/** A stretch of the request matched to a column (or to one of its levels). */
export interface ColumnMatch {
  text: string;
  column: string;
  score: number;
}

/** How a decision (or a refusal) came about. */
export interface Explanation {
  /** Cue phrases found in the request, as written there. */
  matchedPhrases: string[];
  columnMatches: ColumnMatch[];
  /** Steps that refined the choice: defaults filled in, pairing found, levels restricted, options set. */
  refinements: string[];
}

/** Token counts reported by the LLM API. */
export interface LlmUsage {
  inputTokens?: number;
  outputTokens?: number;
  reasoningTokens?: number;
  cachedTokens?: number;
  totalTokens?: number;
}

/** Facts about the LLM call behind a decision with `source: 'llm'` (for provenance). */
export interface LlmInfo {
  model: string;
  latencyMs: number;
  requestId?: string;
  /** SHA-256 (hex) of the prompt, schema summary and model the answer was cached under. */
  promptHash: string;
  usage?: LlmUsage;
  costUsd?: number;
  /** Suspicious dataset text (possible prompt injection) seen in the schema summary. */
  flagged?: string[];
  /** True when the answer came from the cache (no call was made). */
  cached?: boolean;
}

/** One analysis chosen, with roles and options. */
export interface Decision {
  status: 'decided';
  analysis: TaskId;
  roles: Roles;
  options: Partial<AnalysisOptions>;
  source: 'rules' | 'llm';
  ruleId?: string;
  /** In [0, 1]. */
  confidence: number;
  rationale: string;
  /** Other reasonable choices with the same columns (never acted on silently). */
  alternatives: Choice[];
  explanation: Explanation;
  llm?: LlmInfo;
}

/** Two to four concrete choices; the engine did not guess. */
export interface Ambiguity {
  status: 'ambiguous';
  rationale: string;
  alternatives: Choice[];
  explanation: Explanation;
}

/** Nothing fits the request. */
export interface NoMatch {
  status: 'no_match';
  rationale: string;
  alternatives: Choice[];
  explanation: Explanation;
}

/** The engine's answer. */
export type DecisionOutcome = Decision | Ambiguity | NoMatch;

/** Kinds a rule's role accepts, as the engine sees columns. */
export type RoleAccept = 'numeric' | 'factor' | 'subject';

/** The role names a rule may use (those of `Roles`). */
export type RoleName = keyof Roles;

/** One role a rule needs. */
export interface RoleSpec {
  accepts: RoleAccept[];
  optional?: boolean;
  many?: boolean;
  levels?: { min?: number; max?: number };
  fromPairing?: boolean;
}

/** One rule of `rules/*.json`. */
export interface Rule {
  id: string;
  task: TaskId;
  family?: string;
  description?: string;
  priority: number;
  when?: { all?: string[]; any?: string[]; none?: string[] };
  roles: Partial<Record<RoleName, RoleSpec>>;
  design?: 'independent' | 'paired' | 'any';
  needsMu?: boolean;
  seeAlso?: string[];
  /** Options the rule itself implies ("follows an exponential distribution"). */
  options?: { distribution?: 'normal' | 'uniform' | 'exponential' | 'gamma'; pAdjust?: 'holm' | 'bonferroni' | 'BH' | 'none' };
  explanation: string;
}

/** A named set of cue phrases. */
export interface Cue {
  id: string;
  description?: string;
  intent?: boolean;
  phrases: string[];
}

/** A request word that may stand for column-name words. */
export interface LexiconEntry {
  word: string;
  means: string[];
  /** The word never names a column itself; among columns another word fits equally, it picks the one whose name has a `means` word. */
  tieBreak?: boolean;
}

/** Every rule, cue and lexicon entry, merged and sorted by id. */
export interface RuleSet {
  cues: Cue[];
  lexicon: LexiconEntry[];
  rules: Rule[];
}
