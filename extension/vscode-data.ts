/**
 * The plain notebook data of `notebook-data.ts` to and from VS Code's classes, and a live notebook
 * document read back as a kernel `Notebook`.
 */
import * as vscode from 'vscode';
import type { Notebook } from '../kernel/api.js';
import {
  notebookFromNotebookData, type CellData, type NotebookDataPlain, type OutputData,
} from './notebook-data.js';

/** Plain notebook data as `vscode.NotebookData`. */
export function toVscodeNotebookData(plain: NotebookDataPlain): vscode.NotebookData {
  const cells = plain.cells.map((cell) => {
    const data = new vscode.NotebookCellData(
      cell.kind === 'markup' ? vscode.NotebookCellKind.Markup : vscode.NotebookCellKind.Code,
      cell.value,
      cell.languageId,
    );
    data.metadata = cell.metadata ?? {};
    if (cell.outputs?.length) data.outputs = cell.outputs.map(toVscodeOutput);
    if (cell.executionSummary) data.executionSummary = cell.executionSummary;
    return data;
  });
  const data = new vscode.NotebookData(cells);
  data.metadata = plain.metadata ?? {};
  return data;
}

/** Plain output data as a `vscode.NotebookCellOutput`. */
export function toVscodeOutput(output: OutputData): vscode.NotebookCellOutput {
  return new vscode.NotebookCellOutput(
    output.items.map((item) => new vscode.NotebookCellOutputItem(item.data, item.mime)),
    output.metadata,
  );
}

/** A VS Code output as plain output data. */
export function fromVscodeOutput(output: vscode.NotebookCellOutput): OutputData {
  return {
    items: output.items.map((item) => ({ mime: item.mime, data: item.data })),
    ...(output.metadata && Object.keys(output.metadata).length ? { metadata: output.metadata } : {}),
  };
}

/** `vscode.NotebookData` (what the serializer is given) as plain data. */
export function fromVscodeNotebookData(data: vscode.NotebookData): NotebookDataPlain {
  return {
    metadata: data.metadata ?? {},
    cells: data.cells.map((cell): CellData => ({
      kind: cell.kind === vscode.NotebookCellKind.Markup ? 'markup' : 'code',
      value: cell.value,
      languageId: cell.languageId,
      metadata: cell.metadata ?? {},
      outputs: (cell.outputs ?? []).map(fromVscodeOutput),
      executionSummary: cell.executionSummary
        ? {
            executionOrder: cell.executionSummary.executionOrder,
            success: cell.executionSummary.success,
            timing: cell.executionSummary.timing,
          }
        : undefined,
    })),
  };
}

/** One cell of a live document as plain data (outputs only when asked: they can be large). */
export function fromVscodeCell(cell: vscode.NotebookCell, withOutputs: boolean): CellData {
  return {
    kind: cell.kind === vscode.NotebookCellKind.Markup ? 'markup' : 'code',
    value: cell.document.getText(),
    languageId: cell.document.languageId,
    metadata: { ...cell.metadata },
    outputs: withOutputs ? cell.outputs.map(fromVscodeOutput) : [],
    executionSummary: cell.executionSummary
      ? { executionOrder: cell.executionSummary.executionOrder, success: cell.executionSummary.success, timing: cell.executionSummary.timing }
      : undefined,
  };
}

/**
 * A live notebook document as a kernel notebook. Outputs are read only for the cells listed in
 * `withOutputsFor` (by index) or for all cells when it is omitted.
 */
export function notebookFromDocument(document: vscode.NotebookDocument, withOutputsFor?: ReadonlySet<number>): Notebook {
  return notebookFromNotebookData({
    metadata: { ...document.metadata },
    cells: document.getCells().map((cell) => fromVscodeCell(cell, !withOutputsFor || withOutputsFor.has(cell.index))),
  });
}
