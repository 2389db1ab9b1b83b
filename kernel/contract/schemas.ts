/**
 * The JSON surface of CONTRACT.md as zod schemas, one per concept, with the types they infer: the
 * result JSON (`analyze`, `ask`, a notebook's result item) with its tables, assumptions and dropped
 * rows; the decide JSON (decided, ambiguous, no match) and its parts; the error JSON; and the
 * provenance record. Everything that reads this JSON back (a pinned decision, a notebook's stored
 * outputs and provenance, the report) validates it here; the tests hold the CLI's `--json` output
 * and the kernel's payloads against the same schemas.
 *
 * Objects that CONTRACT.md lets grow ("the surface changes only by adding fields") are loose: a
 * field added by a newer Inferra passes through. The decision is read strictly into the kernel's
 * types (unknown fields are dropped, not refused).
 *
 * Not re-exported from contract/index.ts: the renderers bundle that file and need no zod.
 */
import * as z from 'zod';
import { TASKS } from './tasks.js';
import type { TaskId } from '../types.js';

/** JSON has no infinities: Inferra writes them as these strings (`encodeNonFinite`). */
export const nonFiniteJson = z.enum(['Infinity', '-Infinity', 'NaN']);
/** A number of the result JSON: finite, or one of the three strings. */
export const numberJson = z.union([z.number(), nonFiniteJson]);

const taskId = z.enum(Object.keys(TASKS) as [TaskId, ...TaskId[]]);
const column = z.string().min(1);
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 hex digest');
/** CONTRACT.md's key style: lower case words joined by `_` (`p_adj`, `ci_low`, `mean_1`, `df1`). */
const snakeCaseKey = z.string().regex(/^[a-z0-9]+(?:_[a-z0-9]+)*$/, 'a snake_case key (CONTRACT.md), e.g. p_adj');

/** How a cell run (or a command) ended. */
export const RUN_STATUSES = ['ok', 'error', 'ambiguous', 'no_match'] as const;
/** How a cell run ended. */
export type RunStatus = (typeof RUN_STATUSES)[number];
export const runStatusJson = z.enum(RUN_STATUSES);

// ---------------------------------------------------------------- decisions

/** Column roles of a decision or a result (`pair_id` for the kernel's `pairId`). */
export const rolesJson = z.object({
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
  covariates: z.array(column).optional(),
  factors: z.array(column).optional(),
  columns: z.array(column).optional(),
});

/** Options of a decision (CONTRACT.md's `--conf-level` is `conf_level`). */
export const optionsJson = z.object({
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
  ss_type: z.union([z.literal(2), z.literal(3)]).optional(),
});

/** One alternative of a decision (and a choice the user can click); its display `name` is added on the way out. */
export const choiceJson = z.object({ analysis: taskId, roles: rolesJson, options: optionsJson.optional(), why: z.string() });

/** Why the rules decided as they did. */
export const explanationJson = z.object({
  matched_phrases: z.array(z.string()),
  column_matches: z.array(z.object({ text: z.string(), column: z.string(), score: z.number() })),
  refinements: z.array(z.string()),
});

const usageJson = z.object({
  input_tokens: z.number().optional(),
  output_tokens: z.number().optional(),
  reasoning_tokens: z.number().optional(),
  cached_tokens: z.number().optional(),
  total_tokens: z.number().optional(),
});

/** The LLM call behind a decision with `source: 'llm'`. */
export const llmJson = z.object({
  model: z.string(),
  latency_ms: z.number(),
  request_id: z.string().optional(),
  prompt_hash: z.string(),
  usage: usageJson.optional(),
  cost_usd: z.number().optional(),
  flagged: z.array(z.string()).optional(),
  cached: z.boolean().optional(),
});

/** Who pinned a decision the run reused, when not the person who ran it. */
export const pinOriginJson = z.enum(['you', 'another-author', 'file']);

/** A decided decision. */
export const decidedJson = z.object({
  status: z.literal('decided'),
  analysis: taskId,
  roles: rolesJson,
  source: z.enum(['rules', 'llm']),
  rule_id: z.string().nullable().optional(),
  confidence: z.number().min(0).max(1),
  rationale: z.string(),
  alternatives: z.array(choiceJson),
  options: optionsJson.optional(),
  explanation: explanationJson.optional(),
  /** A direction the request asked about while the test stays two-sided (#18 S1): "len: OJ > VC". */
  direction_asked: z.object({ direction: z.enum(['greater', 'less']), statement: z.string() }).optional(),
  llm: llmJson.optional(),
});

/**
 * Why a request was not decided, as data (`unknown-word`, `named-test-unfit`, `tied-columns`, ...):
 * the code names the kind of question, the params its particulars. Codes are read as text, so a
 * file from a later version with a new code still opens.
 */
export const reasonJson = z.object({
  code: z.string().min(1),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.string())])),
});

/** An ambiguous request or one no analysis fits: the choices instead of a decision. */
export const refusedJson = z.object({
  status: z.enum(['ambiguous', 'no_match']),
  rationale: z.string(),
  alternatives: z.array(choiceJson),
  explanation: explanationJson.optional(),
  reason: reasonJson.optional(),
});

/**
 * The decide JSON of CONTRACT.md (`inferra decide --json`, a cell's pinned decision). A pinned one
 * also carries `source_hash` and `pinned_by`, and the result item's copy `pin_origin`
 * (CONTRACT.md, "Pinned decisions"): read here, they are dropped (provenance/author.ts reads them).
 */
export const decisionJson = z.discriminatedUnion('status', [decidedJson, refusedJson]);
export type DecisionJson = z.infer<typeof decisionJson>;

/**
 * A stored decision as the report shows it: the same fields, each optional (a hand-edited file may
 * lack some); the alternatives are read one by one with `choiceJson`.
 */
export const shownDecisionJson = decidedJson
  .pick({ analysis: true, source: true, rule_id: true, confidence: true, rationale: true })
  .partial()
  .extend({ status: z.string().optional(), pin_origin: pinOriginJson.optional(), alternatives: z.unknown().optional() })
  .loose();

// ---------------------------------------------------------------- results

/** A value in a table cell. */
export const tableValueJson = z.union([z.number(), z.string(), z.boolean(), z.null()]);

/** A result table: column keys and row keys in snake_case, as CONTRACT.md's fields. */
export const tableJson = z.looseObject({
  title: z.string(),
  columns: z.array(z.looseObject({ key: snakeCaseKey, label: z.string() })),
  rows: z.array(z.record(snakeCaseKey, tableValueJson)),
  note: z.string().optional(),
});
export type TableJson = z.infer<typeof tableJson>;

/** One assumption check of a result. */
export const assumptionJson = z.looseObject({
  check: z.string(),
  target: z.string(),
  statistic: numberJson.nullable().optional(),
  p_value: numberJson.nullable().optional(),
  ok: z.boolean(),
  note: z.string().optional(),
});

/** Rows left out of an analysis, and why. */
export const droppedJson = z.looseObject({ reason: z.string(), count: z.number() });

/** Plain JSON fields of an object (a result's `result`, `options`, `dataset`). */
export const fieldsJson = z.record(z.string(), z.unknown());

/** The result JSON of CONTRACT.md (`analyze`, `ask`; a cell's result item carries it without figures). */
export const resultJson = z.looseObject({
  status: z.literal('ok'),
  analysis: taskId,
  variant: z.string().optional(),
  roles: rolesJson,
  options: fieldsJson.optional(),
  n: z.number(),
  n_missing: z.number().optional(),
  dropped: z.array(droppedJson).optional(),
  result: fieldsJson,
  assumptions: z.array(assumptionJson),
  summary: z.string(),
  warnings: z.array(z.string()),
  recommendations: z.array(z.string()).optional(),
  tables: z.array(tableJson).optional(),
  figures: z.array(z.looseObject({ kind: z.string() })).optional(),
  dataset: fieldsJson.optional(),
  provenance: fieldsJson.optional(),
});
export type ResultJsonShape = z.infer<typeof resultJson>;

/** The error JSON of a command (`{"status": "error", "code", "message", "details"}`). */
export const errorJson = z.looseObject({
  status: z.literal('error'),
  code: z.string().min(1),
  message: z.string(),
  details: fieldsJson.optional(),
});

/** The error of a failed cell, in its result item. */
export const cellErrorJson = z.looseObject({ code: z.string(), message: z.string() });

/** The data of a cell's result item (`application/vnd.inferra.result+json`). */
export const resultPayloadJson = z.looseObject({
  status: runStatusJson,
  request: z.string(),
  cellId: z.string(),
  decision: z.looseObject({}).optional(),
  result: resultJson.optional(),
  error: cellErrorJson.optional(),
});

// ---------------------------------------------------------------- provenance

/** Who decided the analysis of a run. */
export const PLAN_SOURCES = ['rules', 'llm', 'pinned', 'user-choice'] as const;

/** One dataset a run read. */
export const datasetRecordSchema = z
  .object({
    name: z.string(),
    /** Relative to the notebook. */
    path: z.string(),
    sha256,
    /** Digest of the parsed columns the run loaded. */
    table_hash: z.string(),
    rows: z.number().int().nonnegative(),
    rows_used: z.number().int().nonnegative(),
    columns: z.array(z.string()),
  })
  .loose();

/** The LLM call behind a plan with `source: 'llm'`. */
export const llmRecordSchema = z
  .object({
    model: z.string(),
    prompt_hash: z.string(),
    request_id: z.string().optional(),
    usage: z.record(z.string(), z.unknown()).optional(),
    cost_usd: z.number().optional(),
  })
  .loose();

/** What ran and why. */
export const planRecordSchema = z
  .object({
    source: z.enum(PLAN_SOURCES),
    rule_id: z.string().optional(),
    ruleset_version: z.string().optional(),
    analysis: z.string(),
    roles: z.record(z.string(), z.unknown()),
    options: z.record(z.string(), z.unknown()),
    confidence: z.number().min(0).max(1).optional(),
    llm: llmRecordSchema.optional(),
  })
  .loose();

/** Engine versions. */
export const environmentRecordSchema = z
  .object({
    inferra: z.string(),
    stdlib_stats: z.string(),
    duckdb: z.string(),
    node: z.string(),
    platform: z.string().optional(),
  })
  .loose();

/** One figure's digest (SHA-256 of its Vega-Lite spec's canonical JSON). */
export const figureDigestSchema = z.object({ kind: z.string(), sha256 }).loose();

/** One shown part of a cell bound to a record (provenance/bind.ts): its path inside the cell and its digest. */
export const outputDigestSchema = z.object({ path: z.string().min(1), sha256 }).loose();

/**
 * A provenance record, stored (snake_case) in the notebook under the cell's `inferra.provenance`,
 * oldest first; `hash` is SHA-256 of the canonical record without `hash`. `source_hash` and
 * `output_digests` bind the record to the cell text and the outputs it wrote; records of older
 * versions lack them and are "unbound". Every object is loose: fields added by a newer Inferra
 * survive a read-modify-write by an older one (and stay covered by the hash).
 */
export const provenanceRecordSchema = z
  .object({
    run_id: z.uuid(),
    cell_id: z.string().min(1),
    started_at: z.iso.datetime({ offset: true }),
    ended_at: z.iso.datetime({ offset: true }),
    duration_ms: z.number().nonnegative(),
    status: z.enum(RUN_STATUSES),
    datasets: z.array(datasetRecordSchema),
    plan: planRecordSchema,
    environment: environmentRecordSchema,
    seed: z.number(),
    result_digest: sha256.nullable(),
    figure_digests: z.array(figureDigestSchema),
    error_code: z.string().optional(),
    source_hash: sha256.optional(),
    output_digests: z.array(outputDigestSchema).optional(),
    previous_hash: sha256.nullable(),
    hash: sha256,
  })
  .loose();

/** A provenance record (snake_case JSON). */
export type ProvenanceRecord = z.infer<typeof provenanceRecordSchema>;
/** One dataset of a record. */
export type DatasetRecord = z.infer<typeof datasetRecordSchema>;
/** The plan of a record. */
export type PlanRecord = z.infer<typeof planRecordSchema>;
/** The environment of a record. */
export type EnvironmentRecord = z.infer<typeof environmentRecordSchema>;
/** One figure digest of a record. */
export type FigureDigest = z.infer<typeof figureDigestSchema>;

// ---------------------------------------------------------------- reading

/** One thing wrong with a JSON value: where (a JSON path after `at`) and what. */
export function describeIssue(issue: z.core.$ZodIssue, at = ''): { path: string; message: string } {
  const tail = issue.path.map((seg) => (typeof seg === 'number' ? `[${seg}]` : `.${String(seg)}`)).join('');
  return { path: `${at}${tail}`, message: issue.message };
}
