/**
 * One session per notebook (DESIGN.md): the datasets in use, the worker that computes, the
 * decision pipeline and the provenance chain. The CLI and the VS Code extension are two thin doors
 * into this class.
 *
 * One ask cell, end to end (`executeCell`):
 * 1. find the dataset: a "use FILE" cell above it, the cell's own `dataset`, or the notebook's first;
 * 2. decide: a clicked choice, else the pinned decision when the text is unchanged, else the rules
 *    (and the LLM only on no_match, when allowed);
 * 3. run the analysis (or figure) in the worker;
 * 4. build the outputs (result item, figures, Markdown and plain-text fallbacks);
 * 5. record provenance: a record appended to the cell's chain (or, when the run reproduced the
 *    last record exactly, that record's timestamps refreshed), and handed to the sinks.
 */
import { basename, dirname, isAbsolute, relative, resolve } from 'node:path';
import { decideAnalysis } from './llm/fallback.js';
import { decisionFromJson, decisionToJson } from './decide/json.js';
import type { Choice, Decision, DecisionOutcome } from './decide/types.js';
import { InferraError, toInferraError, type MessageParams } from './errors.js';
import type { LlmSettings } from './llm/types.js';
import type { AskCell, CellOutput, DatasetRef, Notebook } from './notebook/format.js';
import { hidePaths, locateDataset, realpathLoose, shownPath, type DatasetConsent } from './notebook/dataset-path.js';
import { sortKeysDeep } from './notebook/serialize.js';
import {
  buildCellOutputs,
  outcomeToJson,
  type CellStatus,
  type ResultJson,
  type ResultPayload,
} from './notebook/outputs.js';
import { buildVerifyRow, checkStoredCell, type ProvenanceCell, type VerifyRow } from './provenance/verify-cell.js';
import { loadAuthorIdentity, pinOrigin, signPin, type AuthorIdentity, type PinOrigin } from './provenance/author.js';
import { hashCellSource } from './provenance/bind.js';
import { canonicalJson } from './provenance/canonical.js';
import { buildRecord, type BuildRecordInput } from './provenance/build.js';
import { digestResult } from './provenance/canonical.js';
import { collectEnvironment } from './provenance/environment.js';
import type { EnvironmentRecord, ProvenanceRecord } from './provenance/record.js';
import { toProvJson } from './provenance/prov-json.js';
import type { ProvenanceSink } from './provenance/sink.js';
import type { FigureFile } from './provenance/supabase.js';
import { formatOutcomeMarkdown, formatOutcomePlain } from './report/cell-text.js';
import { DATASET_EXTENSIONS } from './data/format.js';
import { datasetLocator, parseLocator, shownLocator } from './data/locator.js';
import { DEFAULT_OPTIONS, type AnalysisOutcome, type AnalysisRequest, type DatasetSchema, type Figure } from './types.js';
import { KernelWorker } from './worker/host.js';

/** How a session is set up. */
export interface SessionOptions {
  /** The notebook file (dataset paths are relative to its folder); for the CLI's one-off commands, omit. */
  notebookPath?: string;
  /** Where the notebook's text was written, when it is run from elsewhere (`run --out`): "use FILE" cells resolve there. */
  sourceDir?: string;
  /** A stable id of the notebook for the Supabase sink (default: its path). */
  notebookId?: string;
  /** Grok fallback settings; used only when `allowLlm` and a key are set. */
  llm?: LlmSettings;
  allowLlm?: boolean;
  /** Where provenance records go besides the notebook (Supabase). */
  sinks?: ProvenanceSink[];
  log?: (line: string) => void;
  /** Per-call limit for the worker, in milliseconds. */
  timeoutMs?: number;
  /** Renders a Vega-Lite spec to SVG for the sinks (figures uploaded with the run); none: runs go without figures. */
  renderSvg?: (spec: Record<string, unknown>) => Promise<string>;
  /** A worker to use instead of a new one (tests). */
  worker?: KernelWorker;
  /**
   * Asked before a notebook reads a dataset outside its folder (symlinks followed); without it such
   * datasets are refused (`dataset-outside-folder`). Applies to notebook sessions (`notebookPath`
   * set); the CLI's one-off commands read the file the user typed. The CLI answers from
   * `--allow-outside-data`, VS Code with a modal prompt.
   */
  datasetConsent?: DatasetConsent;
  /**
   * Who signs the decisions this session pins (provenance/author.ts); default: this user's identity
   * in the config folder, created on first use; null: none (pins then count as yours only within this session).
   */
  author?: AuthorIdentity | null;
}

/** Per-call options. */
export interface CallOptions {
  signal?: AbortSignal;
  onProgress?: (message: string) => void;
  /** false: a dataset outside the notebook's folder not yet allowed is refused without asking (completions, hovers). */
  askConsent?: boolean;
}

/** What executing one cell produced. */
export interface CellExecution {
  /** The updated cell: outputs, execution summary, pinned decision, provenance chain. */
  cell: AskCell;
  status: CellStatus;
  /** The notebook's dataset list, updated with the hash of the file used. */
  datasets: DatasetRef[];
  outcome?: AnalysisOutcome;
  decision?: DecisionOutcome;
  error?: InferraError;
}

export type { VerifyRow } from './provenance/verify-cell.js';

/** A "use penguins.csv" cell (or `use survey.xlsx sheet "Wave 2"`): names the dataset for the cells below it. */
const USE_DATASET = new RegExp(
  `^\\s*(?:use|load|open)\\s+(?:the\\s+)?(?:data(?:set)?\\s+)?["'\`]?([^"'\`]+?\\.(?:${DATASET_EXTENSIONS.join('|')}))["'\`]?` +
    `(?:,?\\s+(?:sheet|tab)\\s+(?:"([^"]+)"|'([^']+)'|(\\S+)))?\\s*\\.?\\s*$`,
  'i',
);

/** The dataset file a "use FILE" cell names, if the cell is one. */
export function parseDatasetDirective(source: string): string | undefined {
  return USE_DATASET.exec(source)?.[1];
}

/** The dataset a "use FILE" cell names, as a locator (the file, and the sheet when it names one). */
function parseDatasetLocator(source: string): string | undefined {
  const match = USE_DATASET.exec(source);
  return match ? datasetLocator(match[1], match[2] ?? match[3] ?? match[4]) : undefined;
}

/** The hash that ties a pinned decision (and a provenance record) to the exact text it was made for. */
export { hashCellSource };

/** The session of one notebook (or of one CLI command). */
export class NotebookSession {
  readonly baseDir: string;
  private readonly worker: KernelWorker;
  private readonly ownsWorker: boolean;
  /** Runs on their way to the sinks (figures being rendered), which dispose() waits for. */
  private readonly handingOver = new Set<Promise<void>>();
  private environment: EnvironmentRecord | undefined;
  /** Real paths of datasets outside the notebook's folder that the user allowed in this session. */
  private readonly allowedOutside = new Set<string>();
  /** The decisions this session pinned (canonical JSON without `pinned_by`): yours even without an identity. */
  private readonly pinsMadeHere = new Set<string>();
  private author: AuthorIdentity | null | undefined;

  constructor(private readonly options: SessionOptions = {}) {
    this.baseDir = options.notebookPath ? dirname(resolve(options.notebookPath)) : process.cwd();
    this.ownsWorker = !options.worker;
    this.worker = options.worker ?? new KernelWorker({ timeoutMs: options.timeoutMs, log: options.log });
  }

  /** A dataset path as the worker needs it (absolute). */
  resolveDatasetPath(path: string): string {
    return isAbsolute(path) ? path : resolve(this.baseDir, path);
  }

  /**
   * A dataset path as the worker needs it (absolute), once the notebook may read it: a file outside
   * the notebook's folder (symlinks followed) needs the user's consent, asked here before anything
   * is read (notebook/dataset-path.ts). Throws `dataset-outside-folder` when refused.
   */
  async datasetFile(locator: string, options: CallOptions = {}): Promise<string> {
    const { file: path, sheet } = parseLocator(locator);
    return datasetLocator(await this.datasetFileOnly(path, options), sheet);
  }

  private async datasetFileOnly(path: string, options: CallOptions): Promise<string> {
    const absolute = this.resolveDatasetPath(path);
    const folder = this.policyFolder();
    if (folder === undefined) return absolute;
    const location = folder === null
      ? { absolute, real: await realpathLoose(absolute), shown: absolute, inside: false }
      : await locateDataset(folder, absolute, { shownFrom: this.baseDir });
    if (location.inside || this.allowedOutside.has(location.real)) return absolute;
    const consent = this.options.datasetConsent;
    if (consent && options.askConsent !== false && (await consent({ path: location.shown, absolute: location.real }))) {
      this.allowedOutside.add(location.real);
      return absolute;
    }
    throw new InferraError('dataset-outside-folder', { path: location.shown });
  }

  /** Loads a dataset's schema (kinds, counts, levels, hash). */
  async describeDataset(path: string, options: CallOptions = {}): Promise<DatasetSchema> {
    return this.worker.schema(await this.datasetFile(path, options), options);
  }

  /** Decides what a request means on a dataset: rules first, the LLM only on no_match when allowed. */
  async decide(datasetPath: string, prompt: string, options: CallOptions = {}): Promise<{ schema: DatasetSchema; decision: DecisionOutcome }> {
    const schema = await this.describeDataset(datasetPath, options);
    const decision = await decideAnalysis(prompt, schema, {
      llm: this.options.llm,
      allowLlm: this.options.allowLlm ?? false,
      signal: options.signal,
    });
    return { schema, decision };
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
  async executeCell(
    notebook: Notebook,
    cellId: string,
    options: CallOptions & { choice?: Choice; executionOrder?: number } = {},
  ): Promise<CellExecution> {
    const index = notebook.cells.findIndex((c) => c.id === cellId);
    if (index < 0) throw new InferraError('cell-not-found', { cellId });
    const cell = notebook.cells[index];
    if (cell.kind !== 'ask') throw new InferraError('cell-not-ask', { cellId, kind: cell.kind });
    const startTime = Date.now();
    const datasets = notebook.datasets.map((d) => ({ ...d }));
    let decision: DecisionOutcome | undefined;
    let outcome: AnalysisOutcome | undefined;
    let dataset: DatasetRef | undefined;
    let schema: DatasetSchema | undefined;
    let reusedPin: Record<string, unknown> | undefined;
    try {
      // 1. the dataset
      const directive = parseDatasetLocator(cell.source);
      dataset = directive ? this.registerDataset(datasets, directive) : this.datasetForCell(notebook, index, datasets);
      schema = await this.describeDataset(refLocator(dataset), options);
      dataset.sha256 = schema.sha256;
      // 2. the decision
      if (directive) decision = decisionForDirective(directive);
      else ({ decision, reusedPin } = await this.decideCell(cell, schema, options));
      // 3. the run
      if (decision.status === 'decided') {
        outcome = await this.runRequest(refLocator(dataset), requestFromDecision(decision), options);
      }
    } catch (thrown) {
      const error = this.withShownPaths(toInferraError(thrown), dataset?.path);
      if (error.code === 'cancelled' || options.signal?.aborted) throw new InferraError('cancelled', {}, { cause: thrown });
      this.options.log?.(`cell ${cellId}: ${error.code}: ${error.message}`);
      return this.finishCell({ cell, datasets, dataset, schema, decision, reusedPin, error, startTime, order: options.executionOrder });
    }
    return this.finishCell({ cell, datasets, dataset, schema, decision, reusedPin, outcome, startTime, order: options.executionOrder });
  }

  /**
   * Re-executes every ask cell that has provenance with its pinned decision (never the LLM) and
   * compares the result with what the notebook recorded.
   */
  async verify(notebook: Notebook, options: CallOptions = {}): Promise<VerifyRow[]> {
    const datasets = notebook.datasets.map((d) => ({ ...d }));
    // 1. Without running anything: does what each cell shows still match its record? (an edited cell is never re-run)
    const cells = notebook.cells.flatMap((cell, index) => {
      if (cell.kind !== 'ask') return [];
      const stored: ProvenanceCell = {
        cellId: cell.id,
        source: cell.source,
        chain: (cell.inferra?.provenance ?? []) as ProvenanceRecord[],
        resultJson: storedResultJson(cell),
        index,
        outputs: cell.outputs,
        decision: cell.inferra?.decision,
      };
      return [{ cell, index, stored, shown: checkStoredCell(stored) }];
    });
    // 2. Re-run the others with their pinned decision, when it was made for the cell's text.
    const rows: VerifyRow[] = [];
    for (const { cell, index, stored, shown } of cells) {
      const pinned = cell.inferra?.decision as Record<string, unknown> | undefined;
      const record = stored.chain.at(-1);
      if (shown.edits.length > 0 || !record || !pinned || record.status !== 'ok' || pinned.source_hash !== hashCellSource(cell.source)) {
        rows.push(buildVerifyRow(stored, undefined, shown));
        continue;
      }
      let dataset: DatasetRef | undefined;
      try {
        const directive = parseDatasetLocator(cell.source);
        dataset = directive ? this.registerDataset(datasets, directive) : this.datasetForCell(notebook, index, datasets);
        const decision = directive ? decisionForDirective(directive) : decisionFromJson(pinned);
        if (decision.status !== 'decided') {
          rows.push(buildVerifyRow(stored, undefined, shown));
          continue;
        }
        const outcome = await this.runRequest(refLocator(dataset), requestFromDecision(decision), options);
        const resultJson = outcomeToJson(outcome, { withFigures: false });
        rows.push(buildVerifyRow(stored, { datasetSha256: outcome.dataset.sha256, resultJson, resultDigest: digestResult(resultJson) }, shown));
      } catch (thrown) {
        const error = this.withShownPaths(toInferraError(thrown), dataset?.path);
        if (error.code === 'cancelled') throw error;
        const row = buildVerifyRow(stored, undefined, shown);
        rows.push({ ...row, status: 'diverged', differences: [{ path: 'error', stored: null, now: `${error.code}: ${error.message}` }] });
      }
    }
    return rows;
  }

  /** Stops the worker (when this session created it) and flushes the sinks, runs still being handed over included. */
  async dispose(): Promise<void> {
    await Promise.all([...this.handingOver]);
    await Promise.all((this.options.sinks ?? []).map((s) => s.close()));
    if (this.ownsWorker) await this.worker.close();
  }

  /**
   * Hands a finished run to the sinks without waiting: figures are rendered to SVG first when the
   * session has a renderer (a failed rendering sends the run without figures, never drops it).
   */
  private submitToSinks(record: ProvenanceRecord, resultJson: ResultJson | undefined, figures: readonly Figure[]): void {
    const sinks = this.options.sinks ?? [];
    if (sinks.length === 0) return;
    const render = this.options.renderSvg;
    const handOver = (async () => {
      const files: FigureFile[] = [];
      if (render) {
        for (const [i, figure] of figures.entries()) {
          try {
            files.push({ name: `${String(i + 1).padStart(2, '0')}-${figure.kind}`, svg: await render(figure.vegaLite) });
          } catch (thrown) {
            this.options.log?.(`figure ${figure.kind} of ${record.cell_id} not rendered for Supabase: ${toInferraError(thrown).message}`);
          }
        }
      }
      const entry = {
        notebookId: this.options.notebookId ?? this.options.notebookPath ?? 'notebook',
        record,
        result: resultJson,
        prov: toProvJson(record),
        figures: files,
      };
      for (const sink of sinks) sink.submit(entry);
    })();
    this.handingOver.add(handOver);
    void handOver.finally(() => this.handingOver.delete(handOver));
  }

  /**
   * The folder a notebook's datasets must stay in: where the notebook was written (`run --out`
   * keeps the source's folder); null: no folder (an untitled notebook), every file needs consent;
   * undefined: no policy (the CLI's one-off commands).
   */
  private policyFolder(): string | null | undefined {
    if (this.options.notebookPath) return this.options.sourceDir ? resolve(this.options.sourceDir) : this.baseDir;
    return this.options.datasetConsent ? null : undefined;
  }

  /**
   * An error as it is written into the notebook: the dataset's path relative to the notebook, the
   * notebook's folder and the home folder never spelled out (the data layer and DuckDB quote the
   * absolute path they were given).
   */
  private withShownPaths(error: InferraError, datasetPath: string | undefined): InferraError {
    const pairs: [string, string][] = [];
    if (datasetPath) {
      const absolute = this.resolveDatasetPath(datasetPath);
      pairs.push([absolute, shownPath(this.baseDir, absolute)]);
    }
    const hide = (value: MessageParams[string]): MessageParams[string] =>
      typeof value === 'string' ? hidePaths(value, pairs, this.baseDir) : Array.isArray(value) ? value.map((v: string) => hidePaths(v, pairs, this.baseDir)) : value;
    const params: MessageParams = Object.fromEntries(Object.entries(error.params).map(([k, v]) => [k, hide(v)]));
    if (JSON.stringify(params) === JSON.stringify(error.params)) return error;
    return new InferraError(error.code, params, { cause: error });
  }

  private async decideCell(
    cell: AskCell,
    schema: DatasetSchema,
    options: CallOptions & { choice?: Choice },
  ): Promise<{ decision: DecisionOutcome; reusedPin?: Record<string, unknown> }> {
    if (options.choice) return { decision: decisionFromChoice(options.choice) };
    const pinned = cell.inferra?.decision as Record<string, unknown> | undefined;
    if (pinned && pinned.source_hash === hashCellSource(cell.source)) {
      const decision = decisionFromJson(pinned);
      if (decision.status === 'decided') return { decision, reusedPin: pinned };
    }
    return { decision: (await this.decide(datasetLocator(schema.path, schema.sheet), cell.source, options)).decision };
  }

  /**
   * The decision JSON a run pins, and (for a reused pin) who pinned it. Decisions made here are
   * signed by this user; a reused pin keeps its author's mark unless it is this user's own.
   */
  private pinDecision(json: Record<string, unknown>, reusedPin: Record<string, unknown> | undefined): { json: Record<string, unknown>; origin?: PinOrigin } {
    this.author ??= this.options.author === undefined ? (loadAuthorIdentity() ?? null) : this.options.author;
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

  /** Adds (or finds) a dataset named by a "use FILE" cell. */
  private registerDataset(datasets: DatasetRef[], locator: string): DatasetRef {
    const { file: path, sheet } = parseLocator(locator);
    // A "use" cell's path is relative to where the notebook was written (which differs from where it
    // is being run when `inferra run --out` moves it).
    const written = this.options.sourceDir ?? this.baseDir;
    const relativePath = relative(this.baseDir, isAbsolute(path) ? path : resolve(written, path)) || path;
    const existing = datasets.find((d) => d.path === relativePath && d.sheet === sheet);
    if (existing) return existing;
    const stem = (basename(relativePath).replace(/\.[^.]+$/, '') || 'data') + (sheet === undefined ? '' : `-${sheet.replace(/\s+/g, '-')}`);
    let name = stem;
    for (let k = 2; datasets.some((d) => d.name === name); k++) name = `${stem}-${k}`;
    const ref: DatasetRef = sheet === undefined ? { name, path: relativePath } : { name, path: relativePath, sheet };
    datasets.push(ref);
    return ref;
  }

  /** The dataset a cell runs on: the nearest "use" cell above it, its own `dataset`, or the first. */
  private datasetForCell(notebook: Notebook, index: number, datasets: DatasetRef[]): DatasetRef {
    const cell = notebook.cells[index] as AskCell;
    if (cell.dataset) {
      const named = datasets.find((d) => d.name === cell.dataset || d.path === cell.dataset);
      if (!named) {
        throw new InferraError('dataset-unknown', { name: cell.dataset, known: datasets.map((d) => d.name).join(', ') || 'none' });
      }
      return named;
    }
    for (let i = index - 1; i >= 0; i--) {
      const above = notebook.cells[i];
      const path = above.kind === 'ask' ? parseDatasetLocator(above.source) : undefined;
      if (path) return this.registerDataset(datasets, path);
    }
    if (datasets.length === 0) throw new InferraError('no-dataset', {});
    return datasets[0];
  }

  private finishCell(run: {
    cell: AskCell;
    datasets: DatasetRef[];
    dataset?: DatasetRef;
    schema?: DatasetSchema;
    decision?: DecisionOutcome;
    /** The pinned decision the run reused, as read from the notebook. */
    reusedPin?: Record<string, unknown>;
    outcome?: AnalysisOutcome;
    error?: InferraError;
    startTime: number;
    order?: number;
  }): CellExecution {
    const { cell, decision, outcome, error } = run;
    const endTime = Date.now();
    const status: CellStatus = error ? 'error' : decision && decision.status !== 'decided' ? decision.status : 'ok';
    const unpinned = decision ? { ...decisionToJson(decision), source_hash: hashCellSource(cell.source) } : undefined;
    // A decided decision is pinned, signed by its author (review L8); the result shows who pinned a reused one when not you.
    const pin = unpinned && decision?.status === 'decided' ? this.pinDecision(unpinned, run.reusedPin) : undefined;
    const decisionJson = pin?.json ?? unpinned;
    const resultJson: ResultJson | undefined = outcome ? outcomeToJson(outcome, { withFigures: false }) : undefined;
    const payload: ResultPayload = {
      status,
      request: cell.source,
      cellId: cell.id,
      decision: decisionJson && pin?.origin && pin.origin !== 'you' ? { ...decisionJson, pin_origin: pin.origin } : decisionJson,
      result: resultJson,
      error: error ? { code: error.code, message: error.message } : undefined,
    };
    const outputs: CellOutput[] = buildCellOutputs(payload, describeForText(payload, outcome), outcome?.figures ?? []);

    const pinnedAfter = decisionJson ?? cell.inferra?.decision;
    const chain = ((cell.inferra?.provenance ?? []) as ProvenanceRecord[]).slice();
    const previous = chain.at(-1);
    const decided = decision?.status === 'decided' ? decision : undefined;
    const use = outcome?.dataset ?? (run.schema ? { sha256: run.schema.sha256, tableHash: '', rows: run.schema.rows, rowsUsed: 0, columns: [] } : undefined);
    const input: BuildRecordInput = {
      cellId: cell.id,
      startedAt: new Date(run.startTime),
      endedAt: new Date(endTime),
      status,
      datasets: run.dataset && use ? [{ name: run.dataset.name, path: run.dataset.path, use }] : [],
      plan: planOf(decision, cell, decided),
      environment: this.versions(),
      seed: outcome?.options.seed ?? DEFAULT_OPTIONS.seed,
      resultJson,
      figures: outcome?.figures ?? [],
      errorCode: error?.code,
      shown: { source: cell.source, outputs, decision: pinnedAfter },
    };
    const candidate = buildRecord({ ...input, previous });
    if (previous && sameRun(previous, candidate)) {
      // Re-running and getting the same thing refreshes the last record's times instead of growing the chain.
      chain[chain.length - 1] = buildRecord({
        ...input,
        plan: { ...input.plan, source: previous.plan.source },
        runId: previous.run_id,
        previous: chain.at(-2) ?? null,
      });
    } else {
      chain.push(candidate);
    }
    const finalRecord = chain[chain.length - 1];
    this.submitToSinks(finalRecord, resultJson, outcome?.figures ?? []);
    const updated: AskCell = {
      ...cell,
      outputs,
      execution: { order: run.order ?? cell.execution?.order, success: status === 'ok', start_time: run.startTime, end_time: endTime },
      inferra: { ...(cell.inferra ?? {}), decision: pinnedAfter, provenance: chain },
    };
    if (updated.execution && updated.execution.order === undefined) delete updated.execution.order;
    return { cell: updated, status, datasets: run.datasets, outcome, decision, error };
  }
}

/** The request a decision names, with CONTRACT.md's defaults for unset options. */
export function requestFromDecision(decision: Decision): AnalysisRequest {
  return {
    analysis: decision.analysis,
    roles: decision.roles,
    options: { ...DEFAULT_OPTIONS, where: [], ...decision.options },
  };
}

/** The locator of a notebook's dataset entry (its path, and its sheet when it names one). */
function refLocator(ref: DatasetRef): string {
  return datasetLocator(ref.path, ref.sheet);
}

/** The decision behind a "use FILE" cell: describe the dataset. */
function decisionForDirective(locator: string): Decision {
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

/** The plan part of a provenance record: who decided what. */
function planOf(decision: DecisionOutcome | undefined, cell: AskCell, decided: Decision | undefined): BuildRecordInput['plan'] {
  const pinned = cell.inferra?.decision as Record<string, unknown> | undefined;
  const wasPinned = Boolean(pinned && pinned.source_hash === hashCellSource(cell.source));
  const source = !decided
    ? 'rules'
    : decided.ruleId === 'user-choice'
      ? 'user-choice'
      : wasPinned && decided.source !== 'llm'
        ? 'pinned'
        : decided.source;
  return {
    source,
    ruleId: decided?.ruleId,
    analysis: decided?.analysis ?? 'none',
    roles: decided?.roles ?? {},
    options: decided ? { ...DEFAULT_OPTIONS, where: [], ...decided.options } : {},
    confidence: decision?.status === 'decided' ? decision.confidence : undefined,
    llm: decided?.llm ? { model: decided.llm.model, promptHash: decided.llm.promptHash, requestId: decided.llm.requestId, usage: decided.llm.usage as Record<string, unknown> | undefined, costUsd: decided.llm.costUsd } : undefined,
  };
}

/** Whether two records describe the same computation (everything but run id, times and links). */
function sameRun(a: ProvenanceRecord, b: ProvenanceRecord): boolean {
  // A re-run that reuses the pinned decision records `plan.source: pinned`; it is still the same run.
  const strip = ({ run_id: _r, started_at: _s, ended_at: _e, duration_ms: _d, hash: _h, previous_hash: _p, plan, ...rest }: ProvenanceRecord) => {
    const { source: _source, ...samePlan } = plan;
    return { ...rest, plan: samePlan };
  };
  return JSON.stringify(sortKeysDeep(strip(a))) === JSON.stringify(sortKeysDeep(strip(b)));
}

/** The result JSON stored in a cell's first output, if any. */
export function storedResultJson(cell: AskCell): unknown {
  const item = cell.outputs?.[0]?.items.find((i) => i.mime === 'application/vnd.inferra.result+json');
  return (item?.data as ResultPayload | undefined)?.result;
}

/** The Markdown and plain-text fallbacks of a cell's result. */
function describeForText(payload: ResultPayload, outcome: AnalysisOutcome | undefined): { markdown: string; plain: string } {
  if (outcome) {
    const pin = payload.decision?.pin_origin;
    return { markdown: formatOutcomeMarkdown(outcome, pin), plain: formatOutcomePlain(outcome, pin) };
  }
  if (payload.error) {
    const line = `Error (${payload.error.code}): ${payload.error.message}`;
    return { markdown: `**${line}**`, plain: line };
  }
  const decision = payload.decision as { rationale?: string; alternatives?: { analysis: string; roles: Record<string, unknown>; why: string }[] } | undefined;
  const heading = payload.status === 'ambiguous' ? 'This request is ambiguous' : 'No analysis fits this request';
  const lines = (decision?.alternatives ?? []).map(
    (a) => `- ${a.analysis} (${Object.entries(a.roles).map(([k, v]) => `${k} = ${Array.isArray(v) ? v.join(', ') : v}`).join('; ')}): ${a.why}`,
  );
  const body = [decision?.rationale ?? '', ...(lines.length ? ['', 'Choices:', ...lines] : [])].join('\n');
  return { markdown: `**${heading}.** ${body}`, plain: `${heading}. ${body}` };
}
