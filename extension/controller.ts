/**
 * The notebook controller "Inferra" (id `inferra-kernel`): a thin adapter that queues cells per
 * notebook and turns the execution token into an AbortSignal. A cell's way: one conversion in
 * (`cellIn`), one call to the kernel session, one conversion out (`runOut`: outputs, pinned decision,
 * provenance, datasets). No statistics, no decisions here.
 */
import * as vscode from 'vscode';
import type { CellExecution, Choice, ProgressEvent } from '../kernel/api.js';
import { cellIn, errorOut, isBrokenDocument, progressOut, runOut } from './convert.js';
import { ExecutionQueue, type GuardedExecution, type RunOutcome } from './execution-queue.js';
import { loadKernel } from './kernel-loader.js';
import type { Log } from './log.js';
import { NOTEBOOK_TYPE } from './serializer.js';
import type { SessionRegistry } from './sessions.js';

/** The controller's id (package.json, tests and the e2e suite select it by this). */
export const CONTROLLER_ID = 'inferra-kernel';

/** VS Code's cell execution behind the queue's exactly-once guard. */
type CellExecutionHandle = GuardedExecution<vscode.NotebookCellExecution>;

/** Extra inputs of a run (a clicked ambiguity choice). */
export interface RunRequest {
  choice?: Choice;
}

/** Whether an error is the kernel's `cancelled`. */
function isCancelled(error: unknown): boolean {
  return (error as { code?: string } | undefined)?.code === 'cancelled';
}

/** The Inferra notebook controller. */
export class InferraController implements vscode.Disposable {
  private readonly controller: vscode.NotebookController;
  private readonly queue: ExecutionQueue<vscode.NotebookCell, RunRequest, vscode.NotebookCellExecution>;
  private readonly orders = new Map<string, number>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly sessions: SessionRegistry, private readonly log: Log) {
    this.controller = vscode.notebooks.createNotebookController(CONTROLLER_ID, NOTEBOOK_TYPE, 'Inferra');
    this.controller.supportedLanguages = ['inferra'];
    this.controller.supportsExecutionOrder = true;
    this.controller.description = 'Plain-language statistics';
    this.controller.detail = 'Deterministic decisions, exact results, provenance';
    this.controller.executeHandler = (cells, notebook) => {
      void this.runCells(notebook, cells);
    };
    this.queue = new ExecutionQueue<vscode.NotebookCell, RunRequest, vscode.NotebookCellExecution>({
      keyOfCell: (cell) => cell.document.uri.toString(),
      createExecution: (cell) => this.controller.createNotebookCellExecution(cell),
      runCell: (cell, execution, signal, request) => this.runCell(cell, execution, signal, request),
      isCancellation: isCancelled,
      onUnexpectedError: async (cell, execution, error) => {
        const message = error instanceof Error ? error.message : String(error);
        this.log(`cell ${String(cell.metadata?.id)}: unexpected ${message}`);
        await this.sessions.reset(cell.notebook);
        await replaceOutputs(execution, errorOut(cell, { code: 'internal-error', message }));
      },
    });
    const prefer = (document: vscode.NotebookDocument) => {
      if (document.notebookType === NOTEBOOK_TYPE) {
        this.controller.updateNotebookAffinity(document, vscode.NotebookControllerAffinity.Preferred);
      }
    };
    vscode.workspace.notebookDocuments.forEach(prefer);
    this.disposables.push(
      vscode.workspace.onDidOpenNotebookDocument(prefer),
      vscode.workspace.onDidCloseNotebookDocument((document) => {
        this.queue.clear(document.uri.toString());
        void this.sessions.reset(document);
      }),
    );
  }

  /** Queues cells of a notebook (all shown as pending at once); resolves when they ended. */
  runCells(notebook: vscode.NotebookDocument, cells: readonly vscode.NotebookCell[], request?: RunRequest): Promise<RunOutcome[]> {
    const code = cells.filter((c) => c.kind === vscode.NotebookCellKind.Code);
    return this.queue.enqueue(notebook.uri.toString(), code, request);
  }

  /** Whether a cell is queued or running. */
  isBusy(cell: vscode.NotebookCell): boolean {
    return this.queue.isQueued(cell);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.controller.dispose();
  }

  /** One cell: checks, session, kernel call, write-back. Resolves to success; rejects `cancelled`. */
  private async runCell(cell: vscode.NotebookCell, execution: CellExecutionHandle, signal: AbortSignal, request?: RunRequest): Promise<boolean> {
    const document = cell.notebook;
    const previous = [...cell.outputs];
    if (!vscode.workspace.isTrusted) {
      const { errors } = await loadKernel();
      await replaceOutputs(execution, errorOut(cell, new errors.InferraError('workspace-untrusted')));
      return false;
    }
    if (isBrokenDocument(document)) {
      await replaceOutputs(execution, errorOut(cell, { code: 'notebook-parse-failed',
        message: 'This notebook was opened from a file that could not be read; fix the file and reopen it.' }));
      return false;
    }
    const { notebook, cellId, idEdit } = cellIn(cell);
    if (idEdit) await vscode.workspace.applyEdit(idEdit);
    execution.executionOrder = this.nextOrder(document);
    const session = await this.sessions.get(document);
    const { session: kernelSession } = await loadKernel();
    let lastProgress = 0;
    // The worker's steps of a long load or analysis (rows read, analysis, check, figure) update the output.
    const onProgress = (message: string, event?: ProgressEvent) => {
      const now = Date.now();
      if (execution.ended || now - lastProgress < 100) return;
      lastProgress = now;
      void replaceOutputs(execution, [progressOut(kernelSession.progressText(message, event))]);
    };
    onProgress(request?.choice ? `Running ${request.choice.analysis.replace(/_/g, ' ')}…` : 'Deciding…');
    let run: CellExecution;
    try {
      run = await session.executeCell(notebook, cellId, {
        signal, onProgress, choice: request?.choice, executionOrder: execution.executionOrder,
      });
    } catch (error) {
      if (isCancelled(error) || signal.aborted) {
        // The kernel leaves a cancelled cell as it was: show its previous outputs again.
        await replaceOutputs(execution, previous);
        this.log(`cell ${cellId}: cancelled`);
      }
      throw error;
    }
    const out = runOut(cell, run);
    await replaceOutputs(execution, out.outputs);
    if (out.edit) await vscode.workspace.applyEdit(out.edit);
    this.log(`cell ${cellId}: ${run.status}${run.error ? ` (${run.error.code})` : ''} in ${(run.cell.execution?.end_time ?? 0) - (run.cell.execution?.start_time ?? 0)} ms`);
    // A question is not a failure: a cell waiting for a choice ends with no mark (success undefined).
    execution.end(run.awaitingChoice ? undefined : run.status === 'ok', run.cell.execution?.end_time);
    return run.status === 'ok' || run.awaitingChoice;
  }

  private nextOrder(document: vscode.NotebookDocument): number {
    const key = document.uri.toString();
    const highest = this.orders.get(key)
      ?? Math.max(0, ...document.getCells().map((c) => c.executionSummary?.executionOrder ?? 0));
    this.orders.set(key, highest + 1);
    return highest + 1;
  }
}

/** Replaces a running cell's outputs unless the execution already ended. */
async function replaceOutputs(execution: CellExecutionHandle, outputs: vscode.NotebookCellOutput[]): Promise<void> {
  if (execution.ended) return;
  await execution.raw.replaceOutput(outputs);
}
