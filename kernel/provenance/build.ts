/**
 * Building and chaining provenance records. A cell's records form a hash chain, oldest first: each
 * record's `previous_hash` is the `hash` of the record before it (null for the first), and `hash` is
 * SHA-256 of the canonical JSON of the record without `hash`. Changing any byte of an old record
 * breaks its hash, and removing or reordering records breaks a link.
 */
import { randomUUID } from 'node:crypto';
import { snakeKeys } from '../contract/index.js';
import type { AnalysisOptions, DatasetUse, Roles } from '../types.js';
import { digestShownParts, hashCellSource, type ShownCell } from './bind.js';
import { canonicalJson, digestFigure, digestResult, sha256Hex } from './canonical.js';
import {
  parseProvenanceRecord,
  type EnvironmentRecord,
  type FigureDigest,
  type PlanRecord,
  type ProvenanceRecord,
  type RunStatus,
  type UnhashedRecord,
} from './record.js';

/** A dataset a run read: where it is (relative to the notebook) and what the data layer reported. */
export interface DatasetInput {
  name: string;
  /** Path relative to the notebook. */
  path: string;
  use: DatasetUse;
}

/** The decision behind a run (camelCase; converted to the record's snake_case here). */
export interface PlanInput {
  source: PlanRecord['source'];
  ruleId?: string;
  rulesetVersion?: string;
  analysis: string;
  roles: Roles;
  options: AnalysisOptions | Record<string, unknown>;
  confidence?: number;
  llm?: { model: string; promptHash: string; requestId?: string; usage?: Record<string, unknown>; costUsd?: number };
}

/** Everything `buildRecord` needs. */
export interface BuildRecordInput {
  /** Defaults to a fresh UUID. */
  runId?: string;
  cellId: string;
  startedAt: Date | string;
  endedAt: Date | string;
  status: RunStatus;
  datasets: DatasetInput[];
  plan: PlanInput;
  environment: EnvironmentRecord;
  seed: number;
  /** The result JSON (CONTRACT.md shape); its digest becomes `result_digest`. Absent when the run failed. */
  resultJson?: unknown;
  /** Figures as `{ kind, vegaLite }`; each spec is digested. */
  figures?: { kind: string; vegaLite: unknown }[];
  errorCode?: string;
  /** The cell's latest record, or null/absent for its first run. */
  previous?: ProvenanceRecord | null;
  /**
   * What the cell shows after this run (its text, outputs and pinned decision): bound to the record
   * as `source_hash` and `output_digests` (bind.ts). Absent: the record binds nothing shown.
   */
  shown?: ShownCell;
  /** Extra fields to carry in the record (kept and hashed). */
  extra?: Record<string, unknown>;
}

/** Builds a record from one run, links it to the cell's previous record and computes its hash. */
export function buildRecord(input: BuildRecordInput): ProvenanceRecord {
  const startedAt = new Date(input.startedAt);
  const endedAt = new Date(input.endedAt);
  const unhashed: UnhashedRecord = {
    ...(input.extra ?? {}),
    run_id: input.runId ?? randomUUID(),
    cell_id: input.cellId,
    started_at: startedAt.toISOString(),
    ended_at: endedAt.toISOString(),
    duration_ms: Math.max(0, endedAt.getTime() - startedAt.getTime()),
    status: input.status,
    datasets: input.datasets.map((d) => ({
      name: d.name,
      path: d.path,
      sha256: d.use.sha256,
      table_hash: d.use.tableHash,
      rows: d.use.rows,
      rows_used: d.use.rowsUsed,
      columns: [...d.use.columns],
      ...(d.use.query === undefined ? {} : { query: d.use.query }),
    })),
    plan: buildPlanRecord(input.plan),
    environment: { ...input.environment },
    seed: input.seed,
    result_digest: input.resultJson === undefined ? null : digestResult(input.resultJson),
    figure_digests: (input.figures ?? []).map((f): FigureDigest => ({ kind: f.kind, sha256: digestFigure(f.vegaLite) })),
    ...(input.errorCode ? { error_code: input.errorCode } : {}),
    ...(input.shown ? { source_hash: hashCellSource(input.shown.source), output_digests: digestShownParts(input.shown) } : {}),
    previous_hash: input.previous?.hash ?? null,
  };
  return parseProvenanceRecord({ ...unhashed, hash: hashRecord(unhashed) }, `cell ${input.cellId}`);
}

/** SHA-256 of a record's canonical JSON without its `hash` field. */
export function hashRecord(record: UnhashedRecord | ProvenanceRecord): string {
  const { hash: _ignored, ...rest } = record as ProvenanceRecord;
  return sha256Hex(canonicalJson(rest));
}

/** A new chain with `record` appended, re-linked to the chain's last record (and re-hashed if needed). */
export function appendRecord(chain: readonly ProvenanceRecord[], record: ProvenanceRecord): ProvenanceRecord[] {
  const previousHash = chain.length ? chain[chain.length - 1].hash : null;
  if (record.previous_hash === previousHash && record.hash === hashRecord(record)) return [...chain, record];
  const { hash: _old, ...rest } = record;
  const relinked: UnhashedRecord = { ...rest, previous_hash: previousHash };
  return [...chain, { ...relinked, hash: hashRecord(relinked) } as ProvenanceRecord];
}

/** Why a chain failed verification. */
export type ChainProblem = 'hash-mismatch' | 'link-mismatch';

/** Checks every record's hash and link; `brokenAt` is the index of the first bad record. */
export function verifyChain(chain: readonly ProvenanceRecord[]): { ok: boolean; brokenAt?: number; problem?: ChainProblem } {
  for (let i = 0; i < chain.length; i++) {
    const record = chain[i];
    if (record.hash !== hashRecord(record)) return { ok: false, brokenAt: i, problem: 'hash-mismatch' };
    const expected = i === 0 ? null : chain[i - 1].hash;
    if (record.previous_hash !== expected) return { ok: false, brokenAt: i, problem: 'link-mismatch' };
  }
  return { ok: true };
}

function buildPlanRecord(plan: PlanInput): PlanRecord {
  return {
    source: plan.source,
    ...(plan.ruleId !== undefined ? { rule_id: plan.ruleId } : {}),
    ...(plan.rulesetVersion !== undefined ? { ruleset_version: plan.rulesetVersion } : {}),
    analysis: plan.analysis,
    roles: snakeKeys(plan.roles) as Record<string, unknown>,
    options: snakeKeys(plan.options) as Record<string, unknown>,
    ...(plan.confidence !== undefined ? { confidence: plan.confidence } : {}),
    ...(plan.llm
      ? {
          llm: {
            model: plan.llm.model,
            prompt_hash: plan.llm.promptHash,
            ...(plan.llm.requestId !== undefined ? { request_id: plan.llm.requestId } : {}),
            ...(plan.llm.usage !== undefined ? { usage: snakeKeys(plan.llm.usage) as Record<string, unknown> } : {}),
            ...(plan.llm.costUsd !== undefined ? { cost_usd: plan.llm.costUsd } : {}),
          },
        }
      : {}),
  };
}
