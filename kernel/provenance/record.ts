/**
 * The provenance record of one cell run, as stored (snake_case JSON) in the notebook under the
 * cell's `inferra.provenance` array, oldest first: its schema is contract/schemas.ts's
 * `provenanceRecordSchema`; here, reading one with a researcher's error.
 */
import { provenanceRecordSchema, type ProvenanceRecord } from '../contract/schemas.js';
import { InferraError } from '../errors.js';

export {
  datasetRecordSchema,
  environmentRecordSchema,
  figureDigestSchema,
  llmRecordSchema,
  outputDigestSchema,
  planRecordSchema,
  PLAN_SOURCES,
  provenanceRecordSchema,
  RUN_STATUSES,
  type DatasetRecord,
  type EnvironmentRecord,
  type FigureDigest,
  type PlanRecord,
  type ProvenanceRecord,
  type RunStatus,
} from '../contract/schemas.js';

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
