/**
 * One session per notebook (DESIGN.md): the datasets in use, the worker that computes, the
 * decision pipeline and the provenance chain. The CLI and the VS Code extension are two thin doors
 * into this class, which composes the steps of one ask cell (`executeCell`):
 * 1. find the dataset (resolve-dataset.ts);
 * 2. decide (decide-cell.ts);
 * 3. run the analysis (or figure) in the worker;
 * 4. and 5. build the outputs and record provenance (record-run.ts, hand-over.ts).
 */
import type { Choice, DecisionOutcome } from '../decide/types.js';
import { datasetLocator } from '../data/locator.js';
import { InferraError, toInferraError } from '../errors.js';
import type { DatasetRef, Notebook } from '../notebook/format.js';
import { collectEnvironment } from '../provenance/environment.js';
import type { EnvironmentRecord } from '../provenance/record.js';
import type { VerifyRow } from '../provenance/verify-cell.js';
import type { AnalysisOutcome, AnalysisRequest, DatasetSchema } from '../types.js';
import { KernelWorker } from '../worker/host.js';
import { decideCell, decideRequest, decisionForDirective, PinSigner, requestFromDecision } from './decide-cell.js';
import { SinkHandOver } from './hand-over.js';
import { recordRun } from './record-run.js';
import { DatasetResolver, refLocator } from './resolve-dataset.js';
import type { CallOptions, CellExecution, SessionOptions } from './types.js';
import { verifyCells } from './verify-cells.js';

export { requestFromDecision } from './decide-cell.js';
export { parseDatasetDirective } from './resolve-dataset.js';
export type { CallOptions, CellExecution, SessionOptions } from './types.js';
export type { VerifyRow } from '../provenance/verify-cell.js';

/** The session of one notebook (or of one CLI command). */
export class NotebookSession {
  readonly baseDir: string;
  private readonly worker: KernelWorker;
  private readonly ownsWorker: boolean;
  private readonly datasets: DatasetResolver;
  private readonly pins: PinSigner;
  private readonly sinks: SinkHandOver;
  private environment: EnvironmentRecord | undefined;

  constructor(private readonly options: SessionOptions = {}) {
    this.datasets = new DatasetResolver(options);
    this.baseDir = this.datasets.baseDir;
    this.pins = new PinSigner(options.author);
    this.sinks = new SinkHandOver(options);
    this.ownsWorker = !options.worker;
    this.worker = options.worker ?? new KernelWorker({ timeoutMs: options.timeoutMs, log: options.log });
  }

  /** A dataset path as the worker needs it (absolute). */
  resolveDatasetPath(path: string): string {
    return this.datasets.resolvePath(path);
  }

  /** A dataset path as the worker needs it, once the notebook may read it (consent asked); throws `dataset-outside-folder` when refused. */
  datasetFile(path: string, options: CallOptions = {}): Promise<string> {
    return this.datasets.datasetFile(path, options);
  }

  /** Loads a dataset's schema (kinds, counts, levels, hash). */
  async describeDataset(path: string, options: CallOptions = {}): Promise<DatasetSchema> {
    return this.worker.schema(await this.datasetFile(path, options), options);
  }

  /** Decides what a request means on a dataset: rules first, the LLM only on no_match when allowed. */
  async decide(datasetPath: string, prompt: string, options: CallOptions = {}): Promise<{ schema: DatasetSchema; decision: DecisionOutcome }> {
    const schema = await this.describeDataset(datasetPath, options);
    return { schema, decision: await decideRequest(prompt, schema, { ...this.options, signal: options.signal }) };
  }

  /** Runs one analysis or figure request in the worker. */
  async runRequest(datasetPath: string, request: AnalysisRequest, options: CallOptions = {}): Promise<AnalysisOutcome> {
    return this.worker.run(await this.datasetFile(datasetPath, options), request, options);
  }

  /** The engine versions recorded in provenance. */
  versions(): EnvironmentRecord {
    this.environment ??= collectEnvironment();
    return this.environment;
  }

  /**
   * Executes one ask cell of a notebook (the steps in this file's header). Never throws for a
   * failing cell: the failure becomes an error output. Throws `cancelled` when the signal aborts,
   * leaving the cell as it was.
   */
  async executeCell(notebook: Notebook, cellId: string, options: CallOptions & { choice?: Choice; executionOrder?: number } = {}): Promise<CellExecution> {
    const index = notebook.cells.findIndex((c) => c.id === cellId);
    if (index < 0) throw new InferraError('cell-not-found', { cellId });
    const cell = notebook.cells[index];
    if (cell.kind !== 'ask') throw new InferraError('cell-not-ask', { cellId, kind: cell.kind });
    const run = { cell, datasets: notebook.datasets.map((d) => ({ ...d })), startTime: Date.now(), order: options.executionOrder };
    let dataset: DatasetRef | undefined;
    let schema: DatasetSchema | undefined;
    let decided: { decision?: DecisionOutcome; reusedPin?: Record<string, unknown> } = {};
    let outcome: AnalysisOutcome | undefined;
    try {
      const found = this.datasets.datasetOf(notebook, index, run.datasets);
      dataset = found.dataset;
      const described = await this.describeDataset(refLocator(dataset), options);
      schema = described;
      dataset.sha256 = described.sha256;
      decided = found.directive
        ? { decision: decisionForDirective(found.directive) }
        : await decideCell(cell, options.choice, async () => (await this.decide(datasetLocator(described.path, described.sheet), cell.source, options)).decision);
      if (decided.decision?.status === 'decided') {
        outcome = await this.runRequest(refLocator(dataset), requestFromDecision(decided.decision), options);
      }
    } catch (thrown) {
      const error = this.datasets.withShownPaths(toInferraError(thrown), dataset?.path);
      if (error.code === 'cancelled' || options.signal?.aborted) throw new InferraError('cancelled', {}, { cause: thrown });
      this.options.log?.(`cell ${cellId}: ${error.code}: ${error.message}`);
      return this.record({ ...run, ...decided, dataset, schema, error });
    }
    return this.record({ ...run, ...decided, dataset, schema, outcome });
  }

  /**
   * Re-executes every ask cell that has provenance with its pinned decision (never the LLM) and
   * compares the result with what the notebook recorded.
   */
  verify(notebook: Notebook, options: CallOptions = {}): Promise<VerifyRow[]> {
    return verifyCells(notebook, { datasets: this.datasets, run: (path, request) => this.runRequest(path, request, options) });
  }

  /** Stops the worker (when this session created it) and flushes the sinks, runs still being handed over included. */
  async dispose(): Promise<void> {
    await this.sinks.close();
    if (this.ownsWorker) await this.worker.close();
  }

  private record(run: Omit<Parameters<typeof recordRun>[0], 'endTime'>): CellExecution {
    return recordRun({ ...run, endTime: Date.now() }, { pins: this.pins, environment: this.versions(), sinks: this.sinks });
  }
}
