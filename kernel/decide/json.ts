/**
 * The decide JSON of CONTRACT.md (`status, analysis, roles, source, rule_id, confidence, rationale,
 * alternatives: [{analysis, roles, why}]`, snake_case; roles `pairId` -> `pair_id`), plus the
 * additive fields `options`, `explanation`, `direction_asked`, `llm`, each choice's `name` and a
 * refusal's `reason`; and back, validated with
 * contract/schemas.ts's `decisionJson` (a decision pinned in a notebook is read through here).
 */
import { camelKeys, snakeKeys, taskTitle } from '../contract/index.js';
import { decisionJson } from '../contract/schemas.js';
import { InferraError } from '../errors.js';
import type { DecisionOutcome, Reason } from './types.js';

/** A decision outcome as CONTRACT.md's JSON. */
export function decisionToJson(outcome: DecisionOutcome): Record<string, unknown> {
  // Each choice also carries its analysis' name, for buttons and reports ("One-way ANOVA").
  const alternatives = outcome.alternatives.map((choice) => ({ ...choice, name: taskTitle(choice.analysis) }));
  const ordered: Record<string, unknown> =
    outcome.status === 'decided'
      ? {
          status: outcome.status,
          analysis: outcome.analysis,
          roles: outcome.roles,
          source: outcome.source,
          ruleId: outcome.ruleId ?? null,
          confidence: outcome.confidence,
          rationale: outcome.rationale,
          alternatives,
          options: outcome.options,
          explanation: outcome.explanation,
          ...(outcome.directionAsked ? { directionAsked: outcome.directionAsked } : {}),
          ...(outcome.llm ? { llm: outcome.llm } : {}),
        }
      : { status: outcome.status, rationale: outcome.rationale, alternatives, explanation: outcome.explanation, reason: reasonToJson(outcome.reason) };
  return snakeKeys(ordered) as Record<string, unknown>;
}

function reasonToJson(reason: Reason): Record<string, unknown> {
  return { code: reason.code, params: { ...reason.params } };
}

/** Reads a decision outcome from its JSON; throws `decision-json-invalid` when it does not validate. */
export function decisionFromJson(json: unknown): DecisionOutcome {
  const parsed = decisionJson.safeParse(json);
  if (!parsed.success) {
    const detail = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('; ');
    throw new InferraError('decision-json-invalid', { detail });
  }
  const data = camelKeys(parsed.data) as Record<string, unknown>;
  if (data.status === 'decided') {
    const { ruleId, ...rest } = data;
    const outcome = {
      ...rest,
      options: (rest.options as object | undefined) ?? {},
      explanation: (rest.explanation as object | undefined) ?? { matchedPhrases: [], columnMatches: [], refinements: [] },
      ...(typeof ruleId === 'string' ? { ruleId } : {}),
    };
    return outcome as unknown as DecisionOutcome;
  }
  // A refusal stored before reasons existed reads with the general reason of its status.
  const stored = data.reason as Reason | undefined;
  const reason: Reason = stored ?? { code: data.status === 'ambiguous' ? 'equal-readings' : 'no-fit', params: {} };
  return { explanation: { matchedPhrases: [], columnMatches: [], refinements: [] }, ...data, reason } as unknown as DecisionOutcome;
}
