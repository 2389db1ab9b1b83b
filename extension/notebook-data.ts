/**
 * The rules of the conversion between the kernel's `Notebook` and a plain mirror of VS Code's
 * `NotebookData` (no `vscode` import, so it runs in plain Node tests; extension/convert.ts moves the
 * mirror in and out of VS Code's classes). Markdown cells are markup cells; ask cells are code cells
 * in the `inferra` language; cell metadata keeps the cell's `id`, its `inferra` block and any field
 * this version does not know; outputs keep their items byte for byte (JSON items as JSON text).
 * A file may come from anyone: only the output types Inferra writes are shown, and Markdown that
 * could load or run something becomes plain text (`inertOutputs`).
 */
import { adviceFor, type AskCell, type Cell, type CellOutput, createCellId, type Notebook } from '../kernel/api.js';
import { NOTEBOOK_ADVICE } from './advice.js';

/** The language of ask cells. */
export const INFERRA_LANGUAGE = 'inferra';

/** Notebook metadata key marking a document that failed to parse (it must never be saved). */
export const PARSE_ERROR_KEY = 'inferraParseError';

/** One output item, as VS Code stores it. */
export interface OutputItemData {
  mime: string;
  data: Uint8Array;
}

/** One output, as VS Code stores it. */
export interface OutputData {
  items: OutputItemData[];
  metadata?: Record<string, unknown>;
}

/** VS Code's execution summary of a cell. */
export interface ExecutionSummaryData {
  executionOrder?: number;
  success?: boolean;
  timing?: { startTime: number; endTime: number };
}

/** One cell, as VS Code's `NotebookCellData` holds it. */
export interface CellData {
  kind: 'markup' | 'code';
  value: string;
  languageId: string;
  metadata?: Record<string, unknown>;
  outputs?: OutputData[];
  executionSummary?: ExecutionSummaryData;
}

/** A notebook, as VS Code's `NotebookData` holds it. */
export interface NotebookDataPlain {
  cells: CellData[];
  metadata?: Record<string, unknown>;
}

/** A located parse error, kept in the metadata of a document that could not be read. */
export interface ParseErrorInfo {
  code: string;
  message: string;
}

const CELL_ID = /^[A-Za-z0-9_.:-]{1,128}$/;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Whether an output item's data is JSON (stored as an object in the file). */
export function isJsonMime(mime: string): boolean {
  return mime === 'application/json' || mime.endsWith('+json') || mime === 'application/vnd.code.notebook.error';
}

/** A file output item as VS Code bytes. */
export function encodeOutputItem(item: { mime: string; data: unknown }): OutputItemData {
  const text = isJsonMime(item.mime) || typeof item.data !== 'string' ? JSON.stringify(item.data ?? null) : item.data;
  return { mime: item.mime, data: encoder.encode(text) };
}

/** VS Code bytes as a file output item (JSON that does not parse is kept as text). */
export function decodeOutputItem(item: OutputItemData): { mime: string; data: unknown } {
  const text = decoder.decode(item.data);
  if (!isJsonMime(item.mime)) return { mime: item.mime, data: text };
  try {
    return { mime: item.mime, data: JSON.parse(text) };
  } catch {
    return { mime: item.mime, data: text };
  }
}

/** The result renderer's MIME type (kernel/notebook/outputs.ts). */
const RESULT_MIME = 'application/vnd.inferra.result+json';
/** The Vega renderer's MIME type (kernel/notebook/outputs.ts). */
const VEGA_MIME = 'application/vnd.vegalite.v6+json';
/** Output metadata key marking a figure shown as its own output but stored inside the result output. */
const SPLIT_KEY = 'inferraFigureOfResult';
/** Output metadata key marking the notebook's advice after an error: shown, never saved (nor digested). */
const ADVICE_KEY = 'inferraAdvice';

/**
 * The notebook's advice for an error (extension/advice.ts) as an output of its own, or undefined when
 * there is none. The kernel's outputs (and their provenance digests) stay as the kernel wrote them.
 */
export function adviceOutputData(error: { code: string; params: Record<string, unknown> }): OutputData | undefined {
  const advice = adviceFor(NOTEBOOK_ADVICE, error.code, error.params as Parameters<typeof adviceFor>[2]);
  if (!advice) return undefined;
  return { items: [encodeOutputItem({ mime: 'text/markdown', data: `**To fix this:** ${advice}` })], metadata: { [ADVICE_KEY]: true } };
}

/** An error of the door itself as the result renderer's error box, with a plain-text fallback. */
export function errorOutputData(cellId: string, request: string, error: { code: string; message: string }): OutputData {
  return {
    items: [
      encodeOutputItem({ mime: RESULT_MIME, data: { status: 'error', request, cellId, error: { code: error.code, message: error.message } } }),
      encodeOutputItem({ mime: 'text/plain', data: `Error (${error.code}): ${error.message}` }),
    ],
  };
}

/**
 * The kernel's outputs as VS Code shows them. VS Code renders one item per output (the richest it has
 * a renderer for), so the figure stored inside the result output (result, figure, Markdown, text)
 * would never be seen: it is shown as an output of its own, marked so that saving puts it back.
 */
export function outputDataFromCellOutputs(outputs: readonly CellOutput[]): OutputData[] {
  return outputs.flatMap((output, index) => {
    const figure = output.items.findIndex((item) => item.mime === VEGA_MIME);
    if (index !== 0 || figure <= 0 || !output.items.some((item) => item.mime === RESULT_MIME)) return [outputDataFromCellOutput(output)];
    const rest = { ...output, items: output.items.filter((_, i) => i !== figure) };
    const shown = outputDataFromCellOutput({ items: [output.items[figure]] });
    return [outputDataFromCellOutput(rest), { ...shown, metadata: { ...shown.metadata, [SPLIT_KEY]: figure } }];
  });
}

/** VS Code outputs back as the kernel stores them (the inverse of `outputDataFromCellOutputs`; the advice shown after an error is dropped). */
export function cellOutputsFromOutputData(outputs: readonly OutputData[]): CellOutput[] {
  const result: CellOutput[] = [];
  for (const output of outputs) {
    if (output.metadata?.[ADVICE_KEY]) continue;
    const position = output.metadata?.[SPLIT_KEY];
    const { [SPLIT_KEY]: _split, ...metadata } = output.metadata ?? {};
    const converted = cellOutputFromOutputData({ ...output, metadata });
    if (typeof position === 'number' && result.length === 1 && converted.items.length === 1) {
      const items = [...result[0].items];
      items.splice(Math.min(position, items.length), 0, converted.items[0]);
      result[0] = { ...result[0], items };
    } else {
      result.push(converted);
    }
  }
  return result;
}

/** A kernel cell output as VS Code output data; fields besides `items` go to the output's metadata. */
export function outputDataFromCellOutput(output: CellOutput): OutputData {
  const { items, ...extra } = output;
  const itemExtras = items.map(({ mime: _mime, data: _data, ...rest }) => rest);
  const metadata: Record<string, unknown> = {};
  if (Object.keys(extra).length) metadata.inferraExtra = extra;
  if (itemExtras.some((e) => Object.keys(e).length)) metadata.inferraItemExtra = itemExtras;
  return { items: items.map(encodeOutputItem), ...(Object.keys(metadata).length ? { metadata } : {}) };
}

/** VS Code output data as a kernel cell output (the inverse of `outputDataFromCellOutput`). */
export function cellOutputFromOutputData(output: OutputData): CellOutput {
  const extra = (output.metadata?.inferraExtra ?? {}) as Record<string, unknown>;
  const itemExtras = (output.metadata?.inferraItemExtra ?? []) as Record<string, unknown>[];
  return {
    ...extra,
    items: output.items.map((item, i) => ({ ...(itemExtras[i] ?? {}), ...decodeOutputItem(item) })),
  };
}

/** Plain text, Markdown, and Inferra's result and figure outputs: the only output types Inferra writes. */
export const INFERRA_OUTPUT_MIMES: ReadonlySet<string> = new Set([RESULT_MIME, VEGA_MIME, 'text/markdown', 'text/plain']);

/**
 * Whether Markdown could show raw HTML or load an image (`<` before a letter, `/`, `!` or `?`: a tag,
 * comment or autolink; `![`: an image), looking past backslash escapes. Inferra's own Markdown escapes
 * these in text it quotes; a table's "< .001" stays Markdown.
 */
export function markdownMayLoad(text: string): boolean {
  return /<[A-Za-z!?/]|!\[/.test(text.replace(/\\[\s\S]/g, ''));
}

/**
 * A file's outputs as Inferra shows them: items of types Inferra never writes (`text/html`,
 * `application/javascript`, ...) are dropped, Markdown that could load something is kept as plain
 * text, and an output left with nothing says in plain text what was removed. Inferra's own outputs
 * pass unchanged.
 */
export function inertOutputs(outputs: readonly CellOutput[]): CellOutput[] {
  return outputs.map((output) => {
    const removed: string[] = [];
    let changed = false;
    const hasPlain = output.items.some((item) => item.mime === 'text/plain');
    const items = output.items.flatMap((item) => {
      if (!INFERRA_OUTPUT_MIMES.has(item.mime)) {
        removed.push(item.mime);
        return [];
      }
      if (item.mime !== 'text/markdown') return [item];
      const text = typeof item.data === 'string' ? item.data : JSON.stringify(item.data ?? null);
      if (!markdownMayLoad(text)) return [item];
      changed = true;
      return hasPlain ? [] : [{ ...item, mime: 'text/plain', data: text }];
    });
    if (items.length > 0 || removed.length === 0) return changed || removed.length > 0 ? { ...output, items } : output;
    const types = [...new Set(removed)].join(', ').slice(0, 200);
    return { ...output, items: [{ mime: 'text/plain', data: `Inferra removed an output of type ${types} from this file: Inferra shows only the outputs it writes itself (results, figures, text). Run the cell to produce its output again.` }] };
  });
}

/** The notebook as VS Code notebook data: top-level fields (except cells) become notebook metadata. */
export function notebookDataFromNotebook(notebook: Notebook): NotebookDataPlain {
  const { cells, ...top } = notebook;
  return { metadata: structuredClone(top), cells: cells.map(cellDataFromCell) };
}

/** One kernel cell as VS Code cell data. */
export function cellDataFromCell(cell: Cell): CellData {
  if (cell.kind === 'markdown') {
    const { kind: _kind, source, ...metadata } = cell;
    return { kind: 'markup', value: source, languageId: 'markdown', metadata: structuredClone(metadata) };
  }
  const { kind: _kind, source, outputs, execution, ...metadata } = cell;
  const data: CellData = {
    kind: 'code',
    value: source,
    languageId: INFERRA_LANGUAGE,
    metadata: structuredClone(metadata),
    outputs: outputDataFromCellOutputs(inertOutputs(outputs ?? [])),
  };
  if (execution) {
    const { order, success, start_time: startTime, end_time: endTime, ...rest } = execution;
    data.executionSummary = {
      ...(order !== undefined ? { executionOrder: order } : {}),
      ...(success !== undefined ? { success } : {}),
      ...(startTime !== undefined && endTime !== undefined ? { timing: { startTime, endTime } } : {}),
    };
    if (Object.keys(rest).length) data.metadata = { ...data.metadata, executionExtra: rest };
  }
  return data;
}

/**
 * The id each cell gets: its own when valid and not taken by an earlier cell (copy-pasted cells carry
 * their original's id), else a new one from its text.
 */
export function assignCellIds(cells: readonly { value: string; metadata?: Record<string, unknown> }[]): string[] {
  const taken = new Set<string>();
  const proposed = cells.map((c) => (typeof c.metadata?.id === 'string' && CELL_ID.test(c.metadata.id) ? c.metadata.id : undefined));
  // Reserve every valid id first, so a new id never collides with a later cell's existing one.
  const reserved = new Set(proposed.filter((id): id is string => id !== undefined));
  return cells.map((cell, i) => {
    const own = proposed[i];
    if (own && !taken.has(own)) {
      taken.add(own);
      return own;
    }
    const id = createCellId(cell.value, new Set([...taken, ...reserved]));
    taken.add(id);
    return id;
  });
}

/** VS Code notebook data as a kernel notebook; cells without a usable id get one. */
export function notebookFromNotebookData(data: NotebookDataPlain): Notebook {
  const { [PARSE_ERROR_KEY]: _error, ...top } = (data.metadata ?? {}) as Record<string, unknown>;
  const ids = assignCellIds(data.cells);
  const cells = data.cells.map((cell, i) => cellFromCellData(cell, ids[i]));
  return {
    format: 'inferra-notebook',
    version: 1,
    metadata: {},
    datasets: [],
    ...structuredClone(top),
    cells,
  } as Notebook;
}

/** One VS Code cell as a kernel cell with the given id. */
export function cellFromCellData(cell: CellData, id: string): Cell {
  const { id: _id, executionExtra, ...metadata } = structuredClone(cell.metadata ?? {}) as Record<string, unknown>;
  if (cell.kind === 'markup') return { ...metadata, id, kind: 'markdown', source: cell.value };
  const ask: AskCell = { ...metadata, id, kind: 'ask', source: cell.value };
  if (cell.outputs?.length) ask.outputs = cellOutputsFromOutputData(cell.outputs);
  const summary = cell.executionSummary;
  if (summary && (summary.executionOrder !== undefined || summary.success !== undefined || summary.timing)) {
    ask.execution = {
      ...((executionExtra ?? {}) as Record<string, unknown>),
      ...(summary.executionOrder !== undefined ? { order: summary.executionOrder } : {}),
      ...(summary.success !== undefined ? { success: summary.success } : {}),
      ...(summary.timing ? { start_time: summary.timing.startTime, end_time: summary.timing.endTime } : {}),
    };
  }
  return ask;
}

/** The document shown for a file that could not be read: the located error, and a guard against saving. */
export function errorNotebookData(error: ParseErrorInfo): NotebookDataPlain {
  const text = [
    '## This notebook could not be opened',
    '',
    `> ${error.message}`,
    '',
    `Error code: \`${error.code}\`. Inferra will not save this document, so the file stays exactly as it is on disk.`,
    'Fix it in a text editor (right-click the file → **Open With…** → **Text Editor**), then open it again.',
  ].join('\n');
  return {
    metadata: { [PARSE_ERROR_KEY]: error },
    cells: [{ kind: 'markup', value: text, languageId: 'markdown', metadata: { id: 'parse-error' } }],
  };
}

/** The parse error a document carries, if it was opened from a broken file. */
export function parseErrorOf(data: { metadata?: Record<string, unknown> }): ParseErrorInfo | undefined {
  const value = data.metadata?.[PARSE_ERROR_KEY];
  return value && typeof value === 'object' ? (value as ParseErrorInfo) : undefined;
}
