/**
 * Every cell that runs keeps a stable id in its metadata (provenance chains and renderer messages
 * name cells by id). Before a run, new cells and pasted copies carrying their original's id get one
 * through a metadata edit; cells that never ran get theirs when saved (the serializer), so adding a
 * cell does not put an extra edit on the undo stack.
 */
import * as vscode from 'vscode';
import { assignCellIds } from './notebook-data.js';

/** Writes an id into every cell that lacks a usable, unique one; resolves when the edit applied. */
export async function ensureCellIds(document: vscode.NotebookDocument): Promise<void> {
  const cells = document.getCells();
  const ids = assignCellIds(cells.map((c) => ({ value: c.document.getText(), metadata: c.metadata })));
  const edits = cells
    .filter((cell, i) => cell.metadata?.id !== ids[i])
    .map((cell) => vscode.NotebookEdit.updateCellMetadata(cell.index, { ...cell.metadata, id: ids[cell.index] }));
  if (!edits.length) return;
  const edit = new vscode.WorkspaceEdit();
  edit.set(document.uri, edits);
  await vscode.workspace.applyEdit(edit);
}
