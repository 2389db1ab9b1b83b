/**
 * The statistics worker thread's entry. It owns DuckDB (kernel/data), keeps the last few loaded
 * tables, and answers every `{ id, task }` with exactly one `{ id, result }` or
 * `{ id, error: { code, params } }` (protocol.ts), possibly after `{ id, progress }` messages.
 *
 * A 'run' task:
 * 1. picks the columns the analysis (kernel/analyses/run.ts) or figure (kernel/figures) needs;
 * 2. loads them with the request's `--where` conditions (cached by file hash, columns and where);
 * 3. runs the analysis and builds its figures, or builds the figure task;
 * 4. adds what provenance needs about the dataset (hashes, rows, rows used, columns).
 *
 * The statistics and figure modules are imported on the first 'run', so a 'schema' task does not
 * pay for loading them.
 */
import { resolve } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { InferraError, toInferraError } from '../errors.js';
import { hashFile } from '../data/hash.js';
import { parseLocator } from '../data/locator.js';
import { isDatabaseLocator } from '../data/postgres/locator.js';
import { setNativeWorkGate, setSpillDirectory, stopQueries } from '../data/duckdb.js';
import { inferSchema } from '../data/schema.js';
import { formatRowCount, loadTable, PROGRESS_ROWS, type LoadedTable } from '../data/load.js';
import { aggregateDataset } from '../data/aggregate.js';
import { isAnalysisId, type AnalysisId, type AnalysisOutcome, type AnalysisRequest, type DatasetUse, type DroppedRows, type ProgressEvent, type RowFilter, type Table } from '../types.js';
import type { ComputedOutcome } from '../analyses/run.js';
import type { PlanContext, PlannedAnalysisId } from '../analyses/planned/index.js';
import { NativeGate } from './native-gate.js';
import { cancelMessageSchema, workerDataSchema, taskMessageSchema, type ReplyMessage, type Task, type TaskResults } from './protocol.js';

/** Loaded tables kept for reuse (a notebook's cells often ask about the same columns). */
const TABLE_CACHE_SIZE = 4;

const tableCache = new Map<string, Promise<LoadedTable>>();

type Handlers = { [K in Task['kind']]: (task: Extract<Task, { kind: K }>, progress: Progress) => Promise<TaskResults[K]> };

/** Posts a progress message (and where the task is) for the running task. */
type Progress = (message: string, event?: ProgressEvent) => void;

const handlers: Handlers = {
  schema: async (task) => (isDatabaseLocator(task.path) ? (await import('../data/postgres/index.js')).databaseSchema(task.path) : inferSchema(task.path)),
  run: (task, progress) => runTask(task.path, task.request, progress),
};

/**
 * Loads a table through the LRU cache keyed by (file hash, path, sorted columns, where). Cached tables
 * are shared by later tasks, so their objects and text arrays are frozen: an analysis that tried to
 * modify its input would fail loudly instead of corrupting the next cell's data.
 */
async function loadCached(path: string, requested: string[], where: RowFilter[], progress: Progress): Promise<LoadedTable> {
  // An analysis that names no columns (describe without --column) means every column.
  const columns = requested.length > 0 ? requested : undefined;
  const sha256 = await hashFile(parseLocator(path).file).catch(() => undefined);
  if (sha256 === undefined) return loadTable(path, { columns, where, onProgress: progress });
  const key = JSON.stringify([sha256, resolve(path), columns ? [...new Set(columns)].sort() : '*', where]);
  const cached = tableCache.get(key);
  if (cached) {
    tableCache.delete(key);
    tableCache.set(key, cached);
    return cached;
  }
  const loading = loadTable(path, { columns, where, onProgress: progress }).then(freezeLoaded);
  tableCache.set(key, loading);
  loading.catch(() => tableCache.delete(key));
  while (tableCache.size > TABLE_CACHE_SIZE) tableCache.delete(tableCache.keys().next().value!);
  return loading;
}

function freezeLoaded(loaded: LoadedTable): LoadedTable {
  for (const column of loaded.table.columns) {
    if (column.kind !== 'numeric') Object.freeze(column.values);
    Object.freeze(column);
  }
  Object.freeze(loaded.table.columns);
  Object.freeze(loaded.table);
  return Object.freeze(loaded);
}

async function runTask(path: string, request: AnalysisRequest, progress: Progress): Promise<AnalysisOutcome> {
  if (isDatabaseLocator(path)) return runDatabaseTask(path, request);
  const analysis = request.analysis;
  if (isAnalysisId(analysis)) {
    const { isPlannedAnalysis } = await import('../analyses/planned/index.js');
    if (isPlannedAnalysis(analysis)) return runFilePlannedTask(path, { ...request, analysis }, progress);
    const [{ columnsForAnalysis, runAnalysis }, { buildFiguresForAnalysis }] = await Promise.all([
      import('../analyses/run.js'),
      import('../figures/index.js'),
    ]);
    const analysisRequest = { ...request, analysis };
    const columns = columnsForAnalysis(analysisRequest);
    const loaded = await loadCached(path, columns, request.options.where, progress);
    // The phases of a large table's task are reported too: each can take a while there.
    const phase = loaded.rows >= PROGRESS_ROWS ? progress : () => undefined;
    phase(`Running ${analysis.replace(/_/g, ' ')} on ${formatRowCount(loaded.table.rowCount)} rows...`, { phase: 'run' });
    const plain = runAnalysis(analysisRequest, loaded.table);
    // Structure the analysis ignores (a grouping column such as species): checks/structure.ts.
    phase('Checking for a grouping the analysis leaves out...', { phase: 'check' });
    const seen = await seeStructure(path, analysisRequest, plain, progress);
    phase('Drawing the figure...', { phase: 'figure' });
    const computed = seen.computed;
    let figures: AnalysisOutcome['figures'] = [];
    const warnings = [...computed.warnings];
    try {
      figures = seen.figureTable
        ? buildFiguresForAnalysis({ ...request, roles: { ...request.roles, color: seen.colorBy } }, seen.figureTable, computed)
        : buildFiguresForAnalysis(request, loaded.table, computed);
    } catch (error) {
      // A figure that cannot be drawn does not invalidate the numbers; say so instead of failing.
      warnings.push(`The figure could not be drawn: ${toInferraError(error).message}`);
    }
    return finishOutcome({ ...computed, warnings, figures }, loaded, request.options.where);
  }
  const { buildFigureTask, columnsForFigure } = await import('../figures/index.js');
  const columns = columnsForFigure(request);
  const loaded = await loadCached(path, columns, request.options.where, progress);
  return finishOutcome(buildFigureTask(request, loaded.table), loaded, request.options.where);
}

/**
 * A planned analysis (kernel/analyses/planned) on a dataset file: the plan runs in DuckDB on the
 * file's columns (the table schema inference holds), exactly as on a database table; only aggregates
 * and the bounded check sample come back. The grouping-structure check runs as for any file; when it
 * fires on data small enough to be drawn whole, the figure is coloured by the grouping column.
 */
async function runFilePlannedTask(path: string, request: AnalysisRequest & { analysis: PlannedAnalysisId }, progress: Progress): Promise<AnalysisOutcome> {
  const [{ columnsForAnalysis }, { openFileTable }] = await Promise.all([import('../analyses/run.js'), import('../data/plan/duckdb-engine.js')]);
  const named = columnsForAnalysis(request);
  const file = await openFileTable(path, request.analysis === 'describe' && named.length === 0 ? 'all' : named, request.options.where, progress);
  const phase = file.rows >= PROGRESS_ROWS ? progress : () => undefined;
  phase(`Running ${request.analysis.replace(/_/g, ' ')} on ${formatRowCount(file.rows)} rows...`, { phase: 'run' });
  return runPlannedTask(request, {
    ctx: file,
    place: 'in the file',
    notes: file.warnings,
    phase,
    dataset: { sha256: file.sha256, tableHash: file.tableHash, rows: file.rows, columns: file.columns },
    structure: async (computed, whole) => {
      phase('Checking for a grouping the analysis leaves out...', { phase: 'check' });
      return seeStructure(path, request, computed, progress, whole);
    },
    // describe's figure (the first described column, by the group) reads that column as today.
    describeTable: async () => {
      const first = request.roles.column ?? request.roles.outcome ?? file.columns.find((c) => c !== request.roles.group);
      if (!first) return undefined;
      return (await loadCached(path, [first, ...(request.roles.group ? [request.roles.group] : [])], request.options.where, progress)).table;
    },
  });
}

/**
 * Runs the grouping-structure check (kernel/analyses/checks/structure.ts) for the analyses it
 * concerns: candidate columns from the (cached) schema, loaded with the analysis' columns; its
 * warning, table and recommendation are added to the outcome, and the figure is coloured by the
 * grouping column when it fires. The analysis' own table, and so the provenance, stay as they were.
 */
async function seeStructure(
  path: string,
  request: AnalysisRequest & { analysis: AnalysisId },
  computed: ComputedOutcome,
  progress: Progress,
  colorFigure = true,
): Promise<{ computed: ComputedOutcome; figureTable?: LoadedTable['table']; colorBy?: string }> {
  const { findGroupingCandidates, seeGroupingStructure, wantsStructureCheck, describeFindings } = await import('../analyses/checks/structure.js');
  if (!wantsStructureCheck(request.analysis) || request.roles.color) return { computed };
  const schema = await inferSchema(path).catch(() => undefined);
  const candidates = schema ? findGroupingCandidates(request, schema.columns) : [];
  if (candidates.length === 0) return { computed };
  const { columnsForAnalysis } = await import('../analyses/run.js');
  const loadWide = () => loadCached(path, [...columnsForAnalysis(request), ...candidates], request.options.where, progress);
  // Pearson, Spearman and the t-tests: grouped aggregates in DuckDB (structure-sql.ts); the rows
  // of the grouping columns are loaded only to colour a figure when the check fires.
  const { planStructureCheck } = await import('../analyses/checks/structure-sql.js');
  const plan = planStructureCheck(request, candidates);
  let found: Awaited<ReturnType<typeof describeFindings>>;
  if (plan) {
    const where = request.options.where;
    const levelRows = plan.levels ? (await aggregateDataset(path, plan.levels.columns, where, [plan.levels.query]))[0] : undefined;
    const { levels, plans } = plan.candidates(levelRows);
    const findings = [];
    for (const candidate of plans) {
      const rows = await aggregateDataset(path, candidate.columns, where, candidate.queries);
      findings.push(candidate.finding(rows));
    }
    found = describeFindings(request, findings, levels);
  } else {
    found = seeGroupingStructure(request, (await loadWide()).table, candidates);
  }
  if (found.warnings.length === 0) return { computed };
  // The coloured figure reads every row of the grouping column: only for data drawn whole.
  const wide = found.colorBy && colorFigure ? await loadWide() : undefined;
  return {
    computed: {
      ...computed,
      warnings: [...computed.warnings, ...found.warnings],
      recommendations: [...computed.recommendations, ...found.recommendations],
      tables: [...computed.tables, ...found.tables],
    },
    ...(found.colorBy && wide ? { figureTable: wide.table, colorBy: found.colorBy } : {}),
  };
}

/**
 * A task on a database table (kernel/data/postgres): the analysis runs in the database through the
 * aggregate plan (kernel/analyses/planned), as a file's does in DuckDB. Analyses not yet on the plan
 * are refused with a message that names them.
 */
async function runDatabaseTask(path: string, request: AnalysisRequest): Promise<AnalysisOutcome> {
  const [{ isPlannedAnalysis, PLANNED_ANALYSES }, { columnsForAnalysis }, { withDatabaseTable }] = await Promise.all([
    import('../analyses/planned/index.js'),
    import('../analyses/run.js'),
    import('../data/postgres/index.js'),
  ]);
  const analysis = request.analysis;
  if (!isAnalysisId(analysis) || !isPlannedAnalysis(analysis)) {
    throw new InferraError('analysis-not-in-database', { analysis, supported: PLANNED_ANALYSES.join(', ') });
  }
  const analysisRequest = { ...request, analysis };
  const named = columnsForAnalysis(analysisRequest);
  // describe without a column describes every column.
  return withDatabaseTable(path, analysis === 'describe' && named.length === 0 ? 'all' : named, request.options.where, (db) =>
    runPlannedTask(analysisRequest, {
      ctx: db,
      place: 'in the database',
      notes: [],
      dataset: { sha256: db.sha256, tableHash: db.tableHash, rows: db.rows, columns: named.length > 0 ? named : db.tableColumns, query: db.query },
    }),
  );
}

/** Where a planned analysis runs, what provenance records of it, and what the file path adds. */
interface PlannedSource {
  ctx: PlanContext;
  /** Where the numbers are computed, for the figure's notes ("in the file", "in the database"). */
  place: string;
  /** The data layer's notes on the columns read (they come first among the warnings). */
  notes: string[];
  dataset: Omit<DatasetUse, 'rowsUsed'>;
  /** The grouping-structure check; `whole` says whether the figure draws every row. */
  structure?: (computed: ComputedOutcome, whole: boolean) => Promise<{ computed: ComputedOutcome; figureTable?: Table; colorBy?: string }>;
  /** The rows describe's figure draws, when this source can give them. */
  describeTable?: () => Promise<Table | undefined>;
  /** Reports the task's phases (a large table's). */
  phase?: Progress;
}

/**
 * One planned analysis, from a file or a database table: the plan's outcome (runPlannedAnalysis),
 * the structure check, the figures from the plan's rows (the whole input up to SAMPLE_LIMIT rows per
 * group, else the fixed sample, with the boxes from every row), then `--where` rows and provenance.
 */
async function runPlannedTask(request: AnalysisRequest & { analysis: PlannedAnalysisId }, source: PlannedSource): Promise<AnalysisOutcome> {
  const [{ runPlannedAnalysis, SAMPLE_LIMIT }, { buildFiguresForAnalysis }] = await Promise.all([import('../analyses/planned/index.js'), import('../figures/index.js')]);
  const planned = await runPlannedAnalysis(request, source.ctx);
  const seen = source.structure ? await source.structure(planned.computed, !planned.sampled) : { computed: planned.computed };
  const computed = seen.computed;
  const warnings = [...computed.warnings];
  let figures: AnalysisOutcome['figures'] = [];
  source.phase?.('Drawing the figure...', { phase: 'figure' });
  try {
    const describeTable = request.analysis === 'describe' && source.describeTable ? await source.describeTable() : undefined;
    // The analysis' own line and model hold for any rows the figure draws (the boxes and counts are of the plan's groups).
    const fits = planned.figureSummary?.line || planned.figureSummary?.model ? { line: planned.figureSummary.line, model: planned.figureSummary.model } : undefined;
    if (seen.figureTable) figures = buildFiguresForAnalysis({ ...request, roles: { ...request.roles, color: seen.colorBy } }, seen.figureTable, computed, fits);
    else if (describeTable) figures = buildFiguresForAnalysis(request, describeTable, computed);
    else if (planned.figureTable) figures = buildFiguresForAnalysis(request, planned.figureTable, computed, planned.figureSummary);
    else if (request.analysis === 'describe') warnings.push(`The figures of describe are not drawn for a database table yet; the numbers are computed on every row ${source.place}.`);
    else warnings.push(`The figure is not drawn for a table this large (${computed.n.toLocaleString('en')} rows); the numbers are computed on every row ${source.place}.`);
    if (planned.sampled && planned.figureTable && !seen.figureTable) {
      const boxes = planned.figureSummary?.boxes
        ? "the figure's boxes, whiskers and means, and "
        : planned.figureSummary?.line
          ? "the figure's fitted line and its band, and "
          : planned.figureSummary?.model
            ? "the fitted values and residuals' model, and "
            : '';
      warnings.push(
        `The figure's points and the assumption checks use a fixed sample of ${planned.figureTable.rowCount.toLocaleString('en')} of the ${computed.n.toLocaleString('en')} rows (at most ${SAMPLE_LIMIT.toLocaleString('en')} per group); ${boxes}the numbers are computed on every row ${source.place}.`,
      );
    }
  } catch (error) {
    // A figure that cannot be drawn does not invalidate the numbers; say so instead of failing.
    warnings.push(`The figure could not be drawn: ${toInferraError(error).message}`);
  }
  const dropped: DroppedRows[] = [...computed.dropped];
  const whereDropped = source.dataset.rows - planned.rows;
  if (whereDropped > 0) {
    const conditions = request.options.where.map((f) => `${f.column} ${f.op} ${f.value}`).join(' and ');
    dropped.unshift({ reason: `--where ${conditions}`, count: whereDropped });
  }
  return {
    ...computed,
    warnings: [...source.notes, ...warnings],
    figures,
    dropped,
    dataset: { ...source.dataset, rowsUsed: computed.n },
  };
}

/** Adds the `--where` rows to `dropped` and the dataset's provenance. */
function finishOutcome(outcome: Omit<AnalysisOutcome, 'dataset'>, loaded: LoadedTable, where: RowFilter[]): AnalysisOutcome {
  const dropped: DroppedRows[] = [...outcome.dropped];
  if (loaded.whereDropped > 0) {
    const conditions = where.map((f) => `${f.column} ${f.op} ${f.value}`).join(' and ');
    dropped.unshift({ reason: `--where ${conditions}`, count: loaded.whereDropped });
  }
  return {
    ...outcome,
    dropped,
    // The data layer's notes on the loaded columns (infinite values read as missing) come first.
    warnings: [...loaded.warnings, ...outcome.warnings],
    dataset: {
      sha256: loaded.sha256,
      tableHash: loaded.tableHash,
      rows: loaded.rows,
      rowsUsed: outcome.n,
      columns: loaded.table.columns.map((c) => c.name),
    },
  };
}

/** The task being handled, if any (the host runs one at a time). */
let runningId: number | undefined;

/**
 * Handles one message from the host; always posts exactly one final reply for a task. A cancel
 * message for the running task is acknowledged at once and stops DuckDB; the task then ends with
 * DuckDB's interruption (or its own result, if it was past DuckDB), and the host retires the worker.
 */
export async function handleMessage(message: unknown, post: (reply: ReplyMessage) => void): Promise<void> {
  const cancel = cancelMessageSchema.safeParse(message);
  if (cancel.success) {
    if (cancel.data.cancel === runningId) {
      post({ id: runningId, cancelling: true });
      stopQueries();
    }
    return;
  }
  const parsed = taskMessageSchema.safeParse(message);
  if (!parsed.success) {
    const id = typeof (message as { id?: unknown })?.id === 'number' ? (message as { id: number }).id : -1;
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || 'message'}: ${i.message}`).join('; ');
    post({ id, error: new InferraError('worker-protocol', { detail }).toData() });
    return;
  }
  const { id, task } = parsed.data as { id: number; task: Task };
  const progress: Progress = (text, event) => post(event ? { id, progress: text, event } : { id, progress: text });
  runningId = id;
  try {
    const handler = handlers[task.kind] as (task: Task, progress: Progress) => Promise<unknown>;
    const result = await handler(task, progress);
    runningId = undefined;
    post({ id, result });
  } catch (error) {
    runningId = undefined;
    post({ id, error: toInferraError(error).toData() });
  }
}

if (parentPort) {
  const port = parentPort;
  // What the host shares: the native-call gate (see native-gate.ts) and this worker's spill folder.
  const shared = workerDataSchema.safeParse(workerData);
  const gate = shared.success ? new NativeGate(shared.data.nativeState) : undefined;
  if (gate) setNativeWorkGate(gate);
  if (shared.success) setSpillDirectory(shared.data.spillDirectory);
  port.on('message', (message: unknown) => {
    void handleMessage(message, (reply) => {
      try {
        port.postMessage(reply);
      } catch (error) {
        // A result that cannot be cloned must still produce a reply.
        port.postMessage({ id: reply.id, error: toInferraError(error).toData() });
      }
    });
  });
  // Every module (DuckDB's native one included) is loaded: from now on the host may stop this thread.
  port.postMessage({ ready: true });
  gate?.loaded();
  if (shared.success && shared.data.warm) setImmediate(warmUp);
}

/**
 * Loads what a file analysis' 'run' imports (statistics, figures, the structure check) while the
 * worker waits for its first task, so a host that knows one is coming (`inferra analyze`) does not
 * wait for them after sending it. Only plain JavaScript loads here, so stopping the thread meanwhile
 * is safe; a task that comes first shares the same module loads; a failure is left to that task.
 */
function warmUp(): void {
  for (const load of [
    () => import('../analyses/planned/index.js'),
    () => import('../analyses/run.js'),
    () => import('../figures/index.js'),
    () => import('../analyses/checks/structure.js'),
    () => import('../analyses/checks/structure-sql.js'),
  ]) {
    load().catch(() => undefined);
  }
}
