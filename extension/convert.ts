/**
 * The extension's one conversion between VS Code and the kernel, both ways. In: a VS Code cell (or a
 * document, or the serializer's `NotebookData`) becomes the kernel's plain notebook, every cell with its
 * id. Out: the kernel's notebook, or a run's outputs and cell fields, become VS Code data, outputs and
 * edits; a failed run's outputs are followed by the notebook's advice for its error
 * (extension/advice.ts), shown but never saved. The mapping's rules (metadata, output bytes, inert
 * outputs, ids) are in `notebook-data.ts`, which has no `vscode` import so that plain Node tests hold
 * them; this module only moves them in and out of VS Code's classes. No statistics, parsing or decisions.
 */
import * as vscode from 'vscode';
import type { CellExecution, Notebook } from '../kernel/api.js';
import {
  adviceOutputData, assignCellIds, errorNotebookData, errorOutputData, notebookDataFromNotebook, notebookFromNotebookData,
  outputDataFromCellOutputs, parseErrorOf, type CellData, type NotebookDataPlain, type OutputData, type ParseErrorInfo,
} from './notebook-data.js';

// ---- in: VS Code -> kernel

/** What the kernel needs to run one cell, and the edit that gives cells without a usable id theirs. */
export interface CellIn {
  notebook: Notebook;
  cellId: string;
  /** Cell metadata edits writing the ids the kernel was given (empty when every cell had one). */
  idEdit?: vscode.WorkspaceEdit;
}

/**
 * A cell of a live document as the kernel's notebook and the cell's id. Outputs are read for this cell
 * only (other cells' can be large); new cells and pasted copies get ids, written back by `idEdit`.
 */
export function cellIn(cell: vscode.NotebookCell): CellIn {
  const document = cell.notebook;
  const cells = document.getCells();
  const ids = assignCellIds(cells.map((c) => ({ value: c.document.getText(), metadata: c.metadata })));
  const plain = cells.map((c, i) => cellDataOf(c, i === cell.index, ids[i]));
  const notebook = notebookFromNotebookData({ metadata: { ...document.metadata }, cells: plain });
  const edits = cells
    .filter((c, i) => c.metadata?.id !== ids[i])
    .map((c) => vscode.NotebookEdit.updateCellMetadata(c.index, { ...c.metadata, id: ids[c.index] }));
  return { notebook, cellId: ids[cell.index], idEdit: edits.length ? workspaceEdit(document.uri, edits) : undefined };
}

/** A live document as the kernel's notebook, with every cell's outputs (verify, the HTML report). */
export function notebookIn(document: vscode.NotebookDocument): Notebook {
  return notebookFromNotebookData({
    metadata: { ...document.metadata },
    cells: document.getCells().map((cell) => cellDataOf(cell, true)),
  });
}

/** The serializer's notebook data as the kernel's notebook, or the parse error of a document opened from a broken file. */
export function notebookDataIn(data: vscode.NotebookData): { notebook: Notebook } | { broken: ParseErrorInfo } {
  const plain: NotebookDataPlain = {
    metadata: data.metadata ?? {},
    cells: data.cells.map((cell) => plainCell(cell.kind, cell.value, cell.languageId, cell.metadata, cell.outputs ?? [], cell.executionSummary)),
  };
  const broken = parseErrorOf(plain);
  return broken ? { broken } : { notebook: notebookFromNotebookData(plain) };
}

/** Whether a document was opened from a file that could not be read (it must not run or be saved). */
export function isBrokenDocument(document: vscode.NotebookDocument): boolean {
  return parseErrorOf({ metadata: document.metadata }) !== undefined;
}

// ---- out: kernel -> VS Code

/** The kernel's notebook as the serializer's notebook data. */
export function notebookDataOut(notebook: Notebook): vscode.NotebookData {
  return toNotebookData(notebookDataFromNotebook(notebook));
}

/** The document shown for a file that could not be read (a located error; never saved). */
export function brokenNotebookOut(error: ParseErrorInfo): vscode.NotebookData {
  return toNotebookData(errorNotebookData(error));
}

/** A run as VS Code shows it: its outputs (with the notebook's advice after an error) and the edit writing its cell fields and datasets back. */
export function runOut(cell: vscode.NotebookCell, run: CellExecution): { outputs: vscode.NotebookCellOutput[]; edit?: vscode.WorkspaceEdit } {
  const advice = run.error ? adviceOutputData(run.error) : undefined;
  const outputs = [...outputDataFromCellOutputs(run.cell.outputs ?? []), ...(advice ? [advice] : [])].map(toOutput);
  if (cell.index < 0) return { outputs }; // deleted while running
  const document = cell.notebook;
  const { kind: _kind, source: _source, outputs: _outputs, execution: _execution, ...fields } = run.cell;
  const edits = [vscode.NotebookEdit.updateCellMetadata(cell.index, { ...cell.metadata, ...fields })];
  if (JSON.stringify(run.datasets) !== JSON.stringify(document.metadata.datasets ?? [])) {
    edits.push(vscode.NotebookEdit.updateNotebookMetadata({ ...document.metadata, datasets: run.datasets }));
  }
  return { outputs, edit: workspaceEdit(document.uri, edits) };
}

/** An error of the door itself (a broken document, an unexpected failure) as the result renderer's error box, with advice. */
export function errorOut(cell: vscode.NotebookCell, error: { code: string; message: string; params?: Record<string, unknown> }): vscode.NotebookCellOutput[] {
  const advice = adviceOutputData({ code: error.code, params: (error.params ?? {}) as never });
  return [errorOutputData(String(cell.metadata?.id ?? ''), cell.document.getText(), error), ...(advice ? [advice] : [])].map(toOutput);
}

/** A progress line shown while a cell runs. */
export function progressOut(message: string): vscode.NotebookCellOutput {
  return new vscode.NotebookCellOutput([vscode.NotebookCellOutputItem.text(`Inferra: ${message}`, 'text/plain')]);
}

// ---- VS Code's classes <-> the plain mirror

function cellDataOf(cell: vscode.NotebookCell, withOutputs: boolean, id?: string): CellData {
  const metadata = id === undefined ? { ...cell.metadata } : { ...cell.metadata, id };
  return plainCell(cell.kind, cell.document.getText(), cell.document.languageId, metadata, withOutputs ? cell.outputs : [], cell.executionSummary);
}

function plainCell(
  kind: vscode.NotebookCellKind,
  value: string,
  languageId: string,
  metadata: Record<string, unknown> | undefined,
  outputs: readonly vscode.NotebookCellOutput[],
  summary: vscode.NotebookCellExecutionSummary | undefined,
): CellData {
  return {
    kind: kind === vscode.NotebookCellKind.Markup ? 'markup' : 'code',
    value,
    languageId,
    metadata: { ...(metadata ?? {}) },
    outputs: outputs.map((output) => ({
      items: output.items.map((item) => ({ mime: item.mime, data: item.data })),
      ...(output.metadata && Object.keys(output.metadata).length ? { metadata: output.metadata } : {}),
    })),
    executionSummary: summary ? { executionOrder: summary.executionOrder, success: summary.success, timing: summary.timing } : undefined,
  };
}

function toNotebookData(plain: NotebookDataPlain): vscode.NotebookData {
  const data = new vscode.NotebookData(plain.cells.map((cell) => {
    const kind = cell.kind === 'markup' ? vscode.NotebookCellKind.Markup : vscode.NotebookCellKind.Code;
    const cellData = new vscode.NotebookCellData(kind, cell.value, cell.languageId);
    cellData.metadata = cell.metadata ?? {};
    if (cell.outputs?.length) cellData.outputs = cell.outputs.map(toOutput);
    if (cell.executionSummary) cellData.executionSummary = cell.executionSummary;
    return cellData;
  }));
  data.metadata = plain.metadata ?? {};
  return data;
}

function toOutput(output: OutputData): vscode.NotebookCellOutput {
  return new vscode.NotebookCellOutput(output.items.map((item) => new vscode.NotebookCellOutputItem(item.data, item.mime)), output.metadata);
}

function workspaceEdit(uri: vscode.Uri, edits: vscode.NotebookEdit[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  edit.set(uri, edits);
  return edit;
}
