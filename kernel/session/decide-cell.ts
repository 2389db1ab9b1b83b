/**
 * Step 2 of a cell: what it asks for. A clicked choice, else the pinned decision when the cell's
 * text is unchanged, else the decision policy (llm/fallback.ts: the rules, and the LLM only on
 * no_match when allowed). A decided decision is pinned into the cell, signed by its author.
 */
import { shownLocator } from '../data/locator.js';
import { decisionFromJson } from '../decide/json.js';
import type { Choice, Decision, DecisionOutcome } from '../decide/types.js';
import type { AskCell } from '../notebook/format.js';
import { loadAuthorIdentity, pinOrigin, signPin, type AuthorIdentity, type PinOrigin } from '../provenance/author.js';
import { hashCellSource } from '../provenance/bind.js';
import { canonicalJson } from '../provenance/canonical.js';
import { DEFAULT_OPTIONS, type AnalysisRequest, type DatasetSchema } from '../types.js';
import type { SessionOptions } from './types.js';

/**
 * Decides what a request means on a dataset's schema: the policy of llm/fallback.ts. The decision
 * engine (the rules and their JSON schema validator) loads on the first decision, so a command that
 * runs a given analysis (`inferra analyze`) does not load it.
 */
export async function decideRequest(
  prompt: string,
  schema: DatasetSchema,
  options: Pick<SessionOptions, 'llm' | 'allowLlm'> & { signal?: AbortSignal },
): Promise<DecisionOutcome> {
  const { decideAnalysis } = await import('../llm/fallback.js');
  return decideAnalysis(prompt, schema, { llm: options.llm, allowLlm: options.allowLlm ?? false, signal: options.signal });
}

/** The decision pinned in a cell, when it was made for the cell's current text. */
export function currentPin(cell: AskCell): Record<string, unknown> | undefined {
  const pinned = cell.inferra?.decision as Record<string, unknown> | undefined;
  return pinned && pinned.source_hash === hashCellSource(cell.source) ? pinned : undefined;
}

/**
 * The decision of an ask cell that is not a "use FILE" cell: a choice, a reusable pin (returned as
 * `reusedPin`, as read from the notebook), else `decideAfresh`.
 */
export async function decideCell(
  cell: AskCell,
  choice: Choice | undefined,
  decideAfresh: () => Promise<DecisionOutcome>,
): Promise<{ decision: DecisionOutcome; reusedPin?: Record<string, unknown> }> {
  if (choice) return { decision: decisionFromChoice(choice) };
  const pinned = currentPin(cell);
  if (pinned) {
    const decision = decisionFromJson(pinned);
    if (decision.status === 'decided') return { decision, reusedPin: pinned };
  }
  return { decision: await decideAfresh() };
}

/** The request a decision names, with CONTRACT.md's defaults for unset options. */
export function requestFromDecision(decision: Decision): AnalysisRequest {
  return {
    analysis: decision.analysis,
    roles: decision.roles,
    options: { ...DEFAULT_OPTIONS, where: [], ...decision.options },
  };
}

/** The decision behind a "use FILE" cell: describe the dataset. */
export function decisionForDirective(locator: string): Decision {
  const path = shownLocator(locator);
  return {
    status: 'decided',
    analysis: 'describe',
    roles: {},
    options: {},
    source: 'rules',
    ruleId: 'use-dataset',
    confidence: 1,
    rationale: `This cell names the dataset ${path}; the cells below use it. Here is what it contains.`,
    alternatives: [],
    explanation: { matchedPhrases: ['use'], columnMatches: [], refinements: [] },
  };
}

/** A clicked ambiguity choice as a decision: the user decided. */
function decisionFromChoice(choice: Choice): Decision {
  return {
    status: 'decided',
    analysis: choice.analysis,
    roles: choice.roles,
    options: choice.options ?? {},
    source: 'rules',
    ruleId: 'user-choice',
    confidence: 1,
    rationale: `Chosen by you from the alternatives: ${choice.why}`,
    alternatives: [],
    explanation: { matchedPhrases: [], columnMatches: [], refinements: ['chosen by the user'] },
  };
}

/** Signs the decisions a session pins, and knows which pins it made (yours even without an identity). */
export class PinSigner {
  /** The decisions this session pinned (canonical JSON without `pinned_by`). */
  private readonly pinsMadeHere = new Set<string>();
  private author: AuthorIdentity | null | undefined;

  constructor(private readonly configured: AuthorIdentity | null | undefined) {}

  /**
   * The decision JSON a run pins, and (for a reused pin) who pinned it. Decisions made here are
   * signed by this user; a reused pin keeps its author's mark unless it is this user's own.
   */
  pin(json: Record<string, unknown>, reusedPin: Record<string, unknown> | undefined): { json: Record<string, unknown>; origin?: PinOrigin } {
    this.author ??= this.configured === undefined ? (loadAuthorIdentity() ?? null) : this.configured;
    const author = this.author ?? undefined;
    const unsigned = (d: Record<string, unknown>) => {
      const { pinned_by: _by, ...rest } = d;
      return canonicalJson(rest);
    };
    const origin = reusedPin ? pinOrigin(reusedPin, author, this.pinsMadeHere.has(unsigned(reusedPin))) : undefined;
    if (origin && origin !== 'you') {
      return { json: reusedPin?.pinned_by ? { ...json, pinned_by: reusedPin.pinned_by } : json, origin };
    }
    this.pinsMadeHere.add(unsigned(json));
    return { json: author ? { ...json, pinned_by: signPin(json, author) } : json, origin };
  }
}
