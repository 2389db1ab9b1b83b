/**
 * The renderer's reading of a result item. The kernel's `ResultPayload` is the source of truth; the
 * renderer reads it defensively (every field optional) because notebooks saved by older versions, or
 * edited by hand, may lack fields.
 */

/** One alternative of an ambiguous decision, as the decide JSON gives it. */
export interface ChoiceView {
  analysis: string;
  /** The analysis' name ("One-way ANOVA"), when the kernel sent it. */
  name?: string;
  roles?: Record<string, unknown>;
  why?: string;
}

/** The decide JSON of CONTRACT.md (snake_case). */
export interface DecisionView {
  status?: string;
  analysis?: string;
  roles?: Record<string, unknown>;
  source?: 'rules' | 'llm' | string;
  rule_id?: string | null;
  confidence?: number;
  rationale?: string;
  alternatives?: ChoiceView[];
  /** A sentence, or the engine's structured explanation (matched phrases, column matches). */
  explanation?: string | Record<string, unknown>;
  llm?: { model?: string } & Record<string, unknown>;
  /** A direction the request stated while the test stayed two-sided (#18 S1). */
  direction_asked?: { direction?: string; statement?: string };
  /** The decision's options (snake_case), when pinned with some. */
  options?: Record<string, unknown>;
  /**
   * Set when the run reused a decision pinned in the notebook by someone else: `another-author`
   * (signed by another Inferra user) or `file` (pinned in the file, not by the person who ran it).
   */
  pin_origin?: 'another-author' | 'file' | string;
}

/** One table of a result. */
export interface TableView {
  title?: string;
  columns: { key: string; label: string }[];
  rows: Record<string, unknown>[];
  note?: string;
}

/** One assumption check of a result. */
export interface AssumptionView {
  check: string;
  target?: string;
  statistic?: number | null;
  p_value?: number | null;
  ok: boolean;
  note?: string;
}

/** The result JSON of CONTRACT.md (snake_case). */
export interface ResultView {
  status?: string;
  analysis?: string;
  variant?: string;
  roles?: Record<string, unknown>;
  n?: number;
  n_missing?: number;
  dropped?: { reason: string; count: number }[];
  /** The options the analysis ran with (snake_case; defaults filled in). */
  options?: Record<string, unknown>;
  result?: Record<string, unknown>;
  tables?: TableView[];
  assumptions?: AssumptionView[];
  summary?: string;
  warnings?: string[];
  recommendations?: string[];
}

/** The data of an `application/vnd.inferra.result+json` item. */
export interface ResultPayloadView {
  status: 'ok' | 'error' | 'ambiguous' | 'no_match' | string;
  request?: string;
  cellId?: string;
  decision?: DecisionView;
  result?: ResultView;
  error?: { code: string; message: string };
}

/** The message the renderer posts when the user picks an alternative of an ambiguous decision. */
export interface ChooseMessage {
  type: 'choose';
  cellId: string;
  choice: ChoiceView;
}

/** Whether a value looks like a result payload (has a status string). */
export function isResultPayload(value: unknown): value is ResultPayloadView {
  return typeof value === 'object' && value !== null && typeof (value as { status?: unknown }).status === 'string';
}

/** Whether a message posted by the renderer is a valid choice (the extension checks what it receives). */
export function isChooseMessage(value: unknown): value is ChooseMessage {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Partial<ChooseMessage>;
  return m.type === 'choose' && typeof m.cellId === 'string' && typeof m.choice === 'object' && m.choice !== null
    && typeof m.choice.analysis === 'string';
}
