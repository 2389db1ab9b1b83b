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
  /**
   * A direction the request states ("is len greater for OJ than VC?") while the test stays two-sided
   * (a one-sided test only when asked for in so many words): for the sentence to report it.
   */
  directionAsked?: DirectionAsked;
  llm?: LlmInfo;
}

/** The direction a request states, kept beside a two-sided test. */
export interface DirectionAsked {
  direction: 'greater' | 'less';
  /** What is expected greater (or less): "OJ > VC", "flipper_length_mm > 200", "positive association". */
  statement: string;
}

/**
 * Why the engine asks instead of deciding, as data (the words are built from it in `explain.ts`):
 * - `unknown-word`: a word stands where a column would and names nothing in the data (params: word, closest, columns);
 * - `named-test-unfit`: the test asked for by name does not fit the columns (params: test, need, column, kind);
 * - `tied-columns`: a word fits two or more columns equally (params: word, columns);
 * - `open-role`: a role the request leaves open, several columns fit (params: role, analysis, candidates);
 * - `roles-unclear`: the analysis is clear, which column plays which role is not (params: analysis);
 * - `equal-readings`: several analyses fit equally well (params: analyses);
 * - `two-group-test`: a two-group test named for a column with more groups (params: test, group, k);
 * - `pairing-conflict`: an independent-groups test on data that look paired (params: test, pair_id, group);
 * - `direction-unclear`: a one-sided test asked for without saying which group is expected larger (params: direction, group);
 * - `direction-k-groups`: a direction stated about three or more groups (params: direction, group, k);
 * - `measurement-level`: a column's few coded values make the named analysis doubtful (params: analysis, columns);
 * - `open-goal`: the request states no analysable question (params: goal; for a goal that names too little,
 *   see open-goals.ts, also column and open: bare-test, one-sided-relation, relevant-for-what, compared-with-what, different-from-what, one-level, no-outcome);
 * - `unknown-level`: a group the data do not have (params: word, column, levels, suggestion);
 * - `missing-month`: a month the month column does not hold (params: word, month, column);
 * - `no-column`: the request names no column and asks for nothing known;
 * - `no-fit`: no analysis takes the columns as named (params: columns, asked);
 * - `time-point`: a word for one end of a time course ("final weight") with a time column (params: word, column, value);
 * - `not-in-catalogue`: the request names a method or a statistic the catalogue has no test for (params: method);
 * - `unlike-pair`: a paired comparison of two columns that measure different things (params: test, columns);
 * - `crossed-design`: a table test of two design factors crossed once, a table of ones (params: columns);
 * - `stated-outcome`: the request states a column as the outcome ("does income predict the vote") and the
 *   only analyses that fit take it in another role (params: column, kind, analysis, role).
 */
export type ReasonCode =
  | 'unknown-word'
  | 'named-test-unfit'
  | 'tied-columns'
  | 'open-role'
  | 'roles-unclear'
  | 'equal-readings'
  | 'two-group-test'
  | 'pairing-conflict'
  | 'direction-unclear'
  | 'direction-k-groups'
  | 'measurement-level'
  | 'open-goal'
  | 'unknown-level'
  | 'missing-month'
  | 'no-column'
  | 'no-fit'
  | 'time-point'
  | 'not-in-catalogue'
  | 'unlike-pair'
  | 'crossed-design'
  | 'stated-outcome';

/** A reason code with the values its words are built from. */
export interface Reason {
  code: ReasonCode;
  params: Record<string, string | number | boolean | string[]>;
}

/** Two to four concrete choices; the engine did not guess. */
export interface Ambiguity {
  status: 'ambiguous';
  reason: Reason;
  rationale: string;
  alternatives: Choice[];
  explanation: Explanation;
}

/** Nothing fits the request. */
export interface NoMatch {
  status: 'no_match';
  reason: Reason;
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
  /** How many columns a `many` role takes. */
  count?: { min?: number; max?: number };
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
  options?: { distribution?: 'normal' | 'uniform' | 'exponential' | 'gamma'; pAdjust?: 'holm' | 'bonferroni' | 'BH' | 'none'; ssType?: 2 | 3 };
  explanation: string;
}

/** A named set of cue phrases. */
export interface Cue {
  id: string;
  description?: string;
  intent?: boolean;
  /** Analyses this cue names (a test asked for by name). */
  names?: TaskId[];
  phrases: string[];
}

/** A request word that may stand for column-name words. */
export interface LexiconEntry {
  word: string;
  means: string[];
  /** The word never names a column itself; among columns another word fits equally, it picks the one whose name has a `means` word. */
  tieBreak?: boolean;
  /** The word names a level by its meaning ("women" -> female, f): `means` are level values, not column-name words. */
  level?: boolean;
}

/** Request words accounted for without naming a column (rules/lexicon.json `words`). */
export interface WordLists {
  /** Function words ("of", "between", "test", "data"): never a column on their own. */
  function: string[];
  /** Words for roles: "outcome", "predictors", "group". */
  role: string[];
  /** Domain words that name no variable: "penguins", "patients", "data". */
  harmless: string[];
  /** Units that may end a column name (`body_mass_g`) or follow a number. */
  units: string[];
  /** Generic suffixes glued to a name ("agegp" -> age, "feedtype" -> feed). */
  suffixes: string[];
  /** Name words of a subject (identifier) column: "id", "subject", "patient". */
  subject: string[];
  /** Words for one end of a time course ("final", "baseline"): with a time column, which time point is meant. */
  timePoints: string[];
  /** Name words of a time column ("time", "day", "week", "age"). */
  timeNames: string[];
  /** Methods the catalogue does not have ("logistic", "nonlinear"): named, they are refused, never swapped. */
  unsupported: string[];
  /** Names a column carries when it is the response by convention ("y", "response"): a word for a measurement that names nothing else may mean it. */
  responseNames: string[];
  /** Name words that make a column a derived copy of another variable ("lag", "log", "sq"): `lag.revenue` is not revenue itself. */
  derivedNames: string[];
}

/** Every rule, cue and lexicon entry, merged and sorted by id. */
export interface RuleSet {
  cues: Cue[];
  lexicon: LexiconEntry[];
  rules: Rule[];
  words: WordLists;
}
