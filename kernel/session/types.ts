/** How a notebook session is set up, the options of one call, and what executing a cell gives. */
import type { DecisionOutcome } from '../decide/types.js';
import type { InferraError } from '../errors.js';
import type { LlmSettings } from '../llm/types.js';
import type { DatasetConsent } from '../notebook/dataset-path.js';
import type { AskCell, DatasetRef } from '../notebook/format.js';
import type { CellStatus } from '../notebook/outputs.js';
import type { AuthorIdentity } from '../provenance/author.js';
import type { ProvenanceSink } from '../provenance/sink.js';
import type { AnalysisOutcome, ProgressEvent } from '../types.js';
import type { KernelWorker } from '../worker/host.js';

/** How a session is set up. */
export interface SessionOptions {
  /** The notebook file (dataset paths are relative to its folder); for the CLI's one-off commands, omit. */
  notebookPath?: string;
  /** Where the notebook's text was written, when it is run from elsewhere (`run --out`): "use FILE" cells resolve there. */
  sourceDir?: string;
  /** A stable id of the notebook for the Supabase sink (default: its path). */
  notebookId?: string;
  /** The Supabase project runs are recorded in (the notebook's `metadata.supabase_project`); absent: personal runs. */
  projectId?: string;
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
  /** Progress of a long load or analysis: a message to show, and where the task is (phase, rows read). */
  onProgress?: (message: string, event?: ProgressEvent) => void;
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
  /** The cell asks the researcher to choose (ambiguous or no match): not a failure; its question is the output. */
  awaitingChoice: boolean;
}
