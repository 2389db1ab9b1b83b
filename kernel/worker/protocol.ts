/**
 * The wire protocol between the host (kernel/worker/host.ts) and the statistics worker
 * (kernel/worker/worker.ts), after piscina/tinypool: host -> worker `{ id, task }`; worker -> host
 * exactly one `{ id, result }` or `{ id, error: { code, params } }` per task, possibly preceded by
 * `{ id, progress }`. The worker says `{ ready: true }` once it has loaded (DuckDB's native module
 * included) and listens. To stop a running task the host sends `{ cancel: id }`; the worker answers
 * `{ id, cancelling: true }` at once (its thread is free, so a DuckDB query may be in flight), interrupts
 * DuckDB, and still ends the task with one final reply, after which the host may terminate it safely.
 * Both sides validate what they receive with these zod schemas.
 */
import * as z from 'zod';
import { isErrorCode } from '../messages/index.js';
import { isTaskId, type AnalysisOutcome, type AnalysisRequest, type DatasetSchema, type ProgressEvent } from '../types.js';

/** Everything the worker can be asked to do. */
export type Task = { kind: 'schema'; path: string } | { kind: 'run'; path: string; request: AnalysisRequest };

/** What each task kind answers with. */
export interface TaskResults {
  schema: DatasetSchema;
  run: AnalysisOutcome;
}

/** Host -> worker. */
export interface TaskMessage {
  id: number;
  task: Task;
}

/** Host -> worker: stop task `cancel` (it is being retired; its result is no longer wanted). */
export interface CancelMessage {
  cancel: number;
}

/** Worker -> host. */
export type ReplyMessage =
  | { id: number; result: unknown }
  | { id: number; error: { code: string; params: Record<string, unknown> } }
  | { id: number; progress: string; event?: ProgressEvent }
  | { id: number; cancelling: true };

const rowFilterSchema = z.object({ column: z.string(), op: z.enum(['=', '!=']), value: z.string() });

const rolesSchema = z.looseObject({
  outcome: z.string().optional(),
  group: z.string().optional(),
  x: z.string().optional(),
  y: z.string().optional(),
  predictors: z.array(z.string()).optional(),
  pairId: z.string().optional(),
  before: z.string().optional(),
  after: z.string().optional(),
  row: z.string().optional(),
  col: z.string().optional(),
  column: z.string().optional(),
  color: z.string().optional(),
});

const optionsSchema = z.looseObject({
  alternative: z.enum(['two-sided', 'less', 'greater']),
  confLevel: z.number(),
  mu: z.number(),
  intercept: z.boolean(),
  center: z.enum(['median', 'mean']),
  correct: z.boolean(),
  exact: z.union([z.boolean(), z.literal('auto')]),
  degree: z.number().optional(),
  seed: z.number(),
  where: z.array(rowFilterSchema),
  levels: z.array(z.string()).optional(),
});

/** An AnalysisRequest as it crosses the boundary. */
export const requestSchema = z.object({
  analysis: z.string().refine(isTaskId, { message: 'unknown analysis or figure id' }),
  roles: rolesSchema,
  options: optionsSchema,
});

const taskSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('schema'), path: z.string().min(1) }),
  z.object({ kind: z.literal('run'), path: z.string().min(1), request: requestSchema }),
]);

/** Validates a host -> worker message. */
export const taskMessageSchema = z.object({ id: z.number().int().nonnegative(), task: taskSchema });

/** What the host hands a worker at its start (`workerData`): see native-gate.ts and kernel/data/duckdb.ts. */
export const workerDataSchema = z.object({
  nativeState: z.instanceof(SharedArrayBuffer),
  spillDirectory: z.string().min(1),
  /** The host will ask for a 'run': load the statistics and figure modules once idle (worker.ts). */
  warm: z.boolean().optional(),
});

/** Validates a host -> worker cancel message. */
export const cancelMessageSchema = z.object({ cancel: z.number().int().nonnegative() });

const errorDataSchema = z.object({
  code: z.string().refine(isErrorCode, { message: 'unknown error code' }),
  params: z.record(z.string(), z.unknown()),
});

/** Worker -> host, once: loaded and listening. */
export const readyMessageSchema = z.object({ ready: z.literal(true) });

/** Validates a worker -> host message (the result's shape is checked per task kind below). */
export const replyMessageSchema = z.union([
  z.object({ id: z.number().int(), error: errorDataSchema }),
  z.object({
    id: z.number().int(),
    progress: z.string(),
    event: z
      .object({ phase: z.enum(['read', 'load', 'run', 'check', 'figure']), rows: z.number().optional(), total: z.number().optional() })
      .optional(),
  }),
  z.object({ id: z.number().int(), cancelling: z.literal(true) }),
  z.object({ id: z.number().int(), result: z.unknown() }).refine((m) => 'result' in m, { message: 'missing result' }),
]);

const levelSchema = z.object({ value: z.string(), count: z.number() });

/** A statistic that is NaN when undefined (the sd of one value), which structured clone keeps. */
const statisticSchema = z.union([z.number(), z.nan()]);

/** Validates the result of a 'schema' task. */
export const datasetSchemaSchema = z.looseObject({
  name: z.string(),
  path: z.string(),
  format: z.enum(['csv', 'tsv', 'json', 'parquet', 'xlsx', 'sav', 'postgres']),
  sha256: z.string(),
  rows: z.number(),
  columns: z.array(
    z.looseObject({
      name: z.string(),
      kind: z.enum(['numeric', 'categorical', 'boolean', 'datetime', 'text', 'id']),
      storageType: z.string(),
      n: z.number(),
      missing: z.number(),
      distinct: z.number(),
      levels: z.array(levelSchema).optional(),
      usableAsGroup: z.boolean(),
      summary: z.object({ mean: statisticSchema, sd: statisticSchema, min: statisticSchema, max: statisticSchema }).optional(),
    }),
  ),
});

/** Validates the result of a 'run' task. */
export const outcomeSchema = z.looseObject({
  analysis: z.string().refine(isTaskId),
  variant: z.string(),
  roles: rolesSchema,
  options: optionsSchema,
  n: z.number(),
  nMissing: z.number(),
  dropped: z.array(z.object({ reason: z.string(), count: z.number() })),
  result: z.record(z.string(), z.unknown()),
  assumptions: z.array(z.looseObject({ check: z.string(), target: z.string(), ok: z.boolean() })),
  summary: z.string(),
  warnings: z.array(z.string()),
  recommendations: z.array(z.string()),
  tables: z.array(z.looseObject({ title: z.string(), columns: z.array(z.unknown()), rows: z.array(z.unknown()) })),
  figures: z.array(z.looseObject({ kind: z.string(), title: z.string(), vegaLite: z.record(z.string(), z.unknown()) })),
  dataset: z.object({
    sha256: z.string(),
    tableHash: z.string(),
    rows: z.number(),
    rowsUsed: z.number(),
    columns: z.array(z.string()),
    query: z.string().optional(),
  }),
});

/** The result validator of each task kind. */
export const resultSchemas: { [K in Task['kind']]: z.ZodType<unknown> } = {
  schema: datasetSchemaSchema,
  run: outcomeSchema,
};
