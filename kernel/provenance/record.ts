/**
 * The provenance record of one cell run, as stored (snake_case JSON) in the notebook under the
 * cell's `inferra.provenance` array, oldest first. Every object is `.loose()`: fields added by a
 * newer Inferra survive a read-modify-write by an older one (and stay covered by the hash).
 */
import { z } from 'zod';
import { InferraError } from '../errors.js';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 hex digest');

/** How a cell run ended. */
export const RUN_STATUSES = ['ok', 'error', 'ambiguous', 'no_match'] as const;

/** How a cell run ended. */
export type RunStatus = (typeof RUN_STATUSES)[number];

/** Who decided the analysis. */
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

/** The LLM call behind a decision with `source: 'llm'`. */
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

/** One shown part of a cell bound to a record (bind.ts): its path inside the cell and its digest. */
export const outputDigestSchema = z.object({ path: z.string().min(1), sha256 }).loose();

/**
 * A provenance record; `hash` is SHA-256 of the canonical record without `hash`. `source_hash` and
 * `output_digests` bind the record to the cell text and the outputs it wrote (bind.ts); records of
 * older versions lack them and are "unbound".
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

/** A record without its hash (what the hash is computed over). */
export type UnhashedRecord = Omit<ProvenanceRecord, 'hash'>;

/** Parses a record read from a notebook or a queue file, or throws `provenance-record-invalid`. */
export function parseProvenanceRecord(value: unknown, where?: string): ProvenanceRecord {
  const parsed = provenanceRecordSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const at = issue.path.length ? ` at ${issue.path.join('.')}` : '';
    throw new InferraError('provenance-record-invalid', { where, problem: `${issue.message}${at}` });
  }
  return parsed.data;
}

/** Parses a cell's provenance array (oldest first). */
export function parseProvenanceChain(value: unknown, where?: string): ProvenanceRecord[] {
  if (!Array.isArray(value)) {
    throw new InferraError('provenance-record-invalid', { where, problem: 'provenance must be an array of records' });
  }
  return value.map((item, i) => parseProvenanceRecord(item, `${where ?? 'provenance'}[${i}]`));
}
