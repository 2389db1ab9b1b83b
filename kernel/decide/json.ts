/**
 * The decide JSON of CONTRACT.md (`status, analysis, roles, source, rule_id, confidence, rationale,
 * alternatives: [{analysis, roles, why}]`, snake_case; roles `pairId` -> `pair_id`), plus the
 * additive fields `options`, `explanation`, `llm` and each choice's `name`; and back, validated with zod (a decision
 * pinned in a notebook is read through here).
 */
import { z } from 'zod';
import { camelKeys, snakeKeys, taskTitle } from '../contract/index.js';
import { InferraError } from '../errors.js';
import { ANALYSIS_IDS, FIGURE_IDS } from '../types.js';
import type { DecisionOutcome, Reason, ReasonCode } from './types.js';

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

/** A reason's params keep their own keys (snakeKeys would rename `pair_id`-style keys anyway). */
function reasonToJson(reason: Reason): Record<string, unknown> {
  return { code: reason.code, params: { ...reason.params } };
}

const REASON_CODES = [
  'unknown-word', 'named-test-unfit', 'tied-columns', 'open-role', 'roles-unclear', 'equal-readings', 'two-group-test', 'pairing-conflict',
  'direction-unclear', 'direction-k-groups', 'measurement-level', 'open-goal', 'unknown-level', 'missing-month', 'no-column', 'no-fit',
] as const satisfies readonly ReasonCode[];
const reasonJson = z.object({
  code: z.enum(REASON_CODES),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.string())])),
});

const task = z.enum([...ANALYSIS_IDS, ...FIGURE_IDS]);
const column = z.string().min(1);
const rolesJson = z
  .object({
    outcome: column.optional(),
    group: column.optional(),
    x: column.optional(),
    y: column.optional(),
    predictors: z.array(column).optional(),
    pair_id: column.optional(),
    before: column.optional(),
    after: column.optional(),
    row: column.optional(),
    col: column.optional(),
    column: column.optional(),
    color: column.optional(),
  })
  ;
const optionsJson = z
  .object({
    alternative: z.enum(['two-sided', 'less', 'greater']).optional(),
    conf_level: z.number().gt(0).lt(1).optional(),
    mu: z.number().optional(),
    intercept: z.boolean().optional(),
    center: z.enum(['median', 'mean']).optional(),
    correct: z.boolean().optional(),
    exact: z.union([z.boolean(), z.literal('auto')]).optional(),
    degree: z.number().int().positive().optional(),
    seed: z.number().int().optional(),
    where: z.array(z.object({ column, op: z.enum(['=', '!=']), value: z.string() })).optional(),
    levels: z.array(z.string()).optional(),
  })
  ;
const choiceJson = z.object({ analysis: task, roles: rolesJson, options: optionsJson.optional(), why: z.string() });
const explanationJson = z
  .object({
    matched_phrases: z.array(z.string()),
    column_matches: z.array(z.object({ text: z.string(), column: z.string(), score: z.number() })),
    refinements: z.array(z.string()),
  })
  ;
const usageJson = z
  .object({
    input_tokens: z.number().optional(),
    output_tokens: z.number().optional(),
    reasoning_tokens: z.number().optional(),
    cached_tokens: z.number().optional(),
    total_tokens: z.number().optional(),
  })
  ;
const llmJson = z
  .object({
    model: z.string(),
    latency_ms: z.number(),
    request_id: z.string().optional(),
    prompt_hash: z.string(),
    usage: usageJson.optional(),
    cost_usd: z.number().optional(),
    flagged: z.array(z.string()).optional(),
    cached: z.boolean().optional(),
  })
  ;
const decidedJson = z
  .object({
    status: z.literal('decided'),
    analysis: task,
    roles: rolesJson,
    source: z.enum(['rules', 'llm']),
    rule_id: z.string().nullable().optional(),
    confidence: z.number().min(0).max(1),
    rationale: z.string(),
    alternatives: z.array(choiceJson),
    options: optionsJson.optional(),
    explanation: explanationJson.optional(),
    direction_asked: z.object({ direction: z.enum(['greater', 'less']), statement: z.string() }).optional(),
    llm: llmJson.optional(),
  })
  ;
const refusedJson = z
  .object({
    status: z.enum(['ambiguous', 'no_match']),
    rationale: z.string(),
    alternatives: z.array(choiceJson),
    explanation: explanationJson.optional(),
    reason: reasonJson.optional(),
  })
  ;
const outcomeJson = z.discriminatedUnion('status', [decidedJson, refusedJson]);

/** Reads a decision outcome from its JSON; throws `decision-json-invalid` when it does not validate. */
export function decisionFromJson(json: unknown): DecisionOutcome {
  const parsed = outcomeJson.safeParse(json);
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
  const { reason, ...rest } = data;
  const stored = parsed.data.status !== 'decided' ? parsed.data.reason : undefined;
  const fallback: Reason = { code: data.status === 'ambiguous' ? 'equal-readings' : 'no-fit', params: {} };
  void reason;
  return { explanation: { matchedPhrases: [], columnMatches: [], refinements: [] }, ...rest, reason: stored ?? fallback } as unknown as DecisionOutcome;
}
