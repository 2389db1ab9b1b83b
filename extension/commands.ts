/**
 * The palette commands: new notebook, open the sample, choose and describe the dataset, run all and
 * verify, export the HTML report, show a cell's provenance, the Grok key and Supabase sign-in. Each
 * handler gathers input from the editor and calls the kernel; none computes anything itself.
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import * as vscode from 'vscode';
import { chooseDataset, storedDatasetPath } from '../kernel/api.js';
import { notebookMessage } from './advice.js';
import { DATA_FILTERS, pickDataset } from './choose-dataset.js';
import type { InferraController } from './controller.js';
import { notebookIn } from './convert.js';
import { loadKernel, loadNotebookFormat, loadReport } from './kernel-loader.js';
import type { Log } from './log.js';
import type { ProvenanceHub } from './provenance.js';
import { promptApiKey, XAI_KEY_SECRET } from './secrets.js';
import { NOTEBOOK_TYPE } from './serializer.js';
import { notebookPathOf, type SessionRegistry } from './sessions.js';
import type { TeamsUi } from './teams.js';

/** What the commands act on. */
export interface CommandDeps {
  context: vscode.ExtensionContext;
  controller: InferraController;
  sessions: SessionRegistry;
  provenance: ProvenanceHub;
  log: Log;
  channel: vscode.OutputChannel;
  /** Projects, invitations and the Project History view. */
  teams: TeamsUi;
}


/** The Inferra notebook a command applies to: the active one. */
function activeNotebook(): vscode.NotebookDocument | undefined {
  const notebook = vscode.window.activeNotebookEditor?.notebook;
  if (notebook?.notebookType === NOTEBOOK_TYPE) return notebook;
  void vscode.window.showWarningMessage('Open an Inferra notebook (.inferra) first.');
  return undefined;
}

/** Opens a document beside the notebook showing Markdown text. */
async function showMarkdown(content: string): Promise<void> {
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content });
  await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true });
}

/** Registers every command. */
export function registerCommands(deps: CommandDeps): vscode.Disposable[] {
  const { context, controller, sessions, provenance, log, channel, teams } = deps;
  // Credentials, invitations and the project a notebook's runs go to are chosen by the user in the
  // pickers, never by a command's arguments: a command link in someone else's notebook could
  // otherwise sign the user into another account or invite a stranger. The extension's own tests
  // (ExtensionMode.Test) drive them with arguments.
  const fromTests = <T>(arg: T | undefined): T | undefined => (context.extensionMode === vscode.ExtensionMode.Test ? arg : undefined);
  const run = (name: string, handler: (...args: any[]) => Promise<unknown>) =>
    vscode.commands.registerCommand(name, async (...args: unknown[]) => {
      try {
        await handler(...args);
      } catch (error) {
        const message = notebookMessage(error);
        log(`${name}: ${message}`);
        void vscode.window.showErrorMessage(`Inferra: ${message}`);
      }
    });

  /** As `run`, but the handler's result is the command's (automation reads it); a failure is shown and gives undefined. */
  const reportFailure = async <T>(name: string, handler: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await handler();
    } catch (error) {
      const message = notebookMessage(error);
      log(`${name}: ${message}`);
      void vscode.window.showErrorMessage(`Inferra: ${message}`);
      return undefined;
    }
  };

  return [
    run('inferra.newNotebook', async () => {
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      const target = await vscode.window.showSaveDialog({
        title: 'New Inferra notebook', filters: { 'Inferra notebooks': ['inferra'] },
        defaultUri: folder ? vscode.Uri.joinPath(folder, 'analysis.inferra') : undefined,
      });
      if (!target) return;
      const data = await vscode.window.showOpenDialog({ title: 'Dataset for the new notebook (optional)', filters: DATA_FILTERS, canSelectMany: false });
      const format = await loadNotebookFormat();
      const title = basename(target.fsPath).replace(/\.inferra$/, '').replace(/[-_]+/g, ' ');
      const notebook = format.newNotebook({ title, datasetPath: data?.[0] ? storedDatasetPath(target.fsPath, data[0].fsPath) : undefined });
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(format.serializeNotebook(notebook)));
      await vscode.window.showNotebookDocument(await vscode.workspace.openNotebookDocument(target));
    }),

    run('inferra.openSample', async () => {
      const source = vscode.Uri.joinPath(context.extensionUri, 'samples');
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      const base = folder?.scheme === 'file' ? join(folder.fsPath, 'inferra-sample') : join(context.globalStorageUri.fsPath, 'sample');
      const notebookPath = join(base, 'penguins.inferra');
      // Copy once; a copy already there is the user's and is opened as it is.
      if (!existsSync(notebookPath)) {
        await mkdir(base, { recursive: true });
        for (const name of ['penguins.csv', 'penguins.inferra']) {
          if (!existsSync(join(base, name))) await copyFile(join(source.fsPath, name), join(base, name));
        }
        log(`sample copied to ${base}`);
      }
      await vscode.window.showNotebookDocument(await vscode.workspace.openNotebookDocument(vscode.Uri.file(notebookPath)));
    }),

    // A Uri argument (automation, tests) skips the pickers; toolbar clicks pass an editor context instead.
    // Without one: a file, or a table in PostgreSQL or Supabase (choose-dataset.ts).
    run('inferra.chooseDataset', async (arg?: unknown) => {
      const notebook = activeNotebook();
      if (!notebook) return;
      const notebookPath = notebookPathOf(notebook);
      const picked = arg instanceof vscode.Uri
        ? { kind: 'file' as const, uri: arg }
        : await pickDataset(context, notebookPath ? vscode.Uri.file(dirname(notebookPath)) : undefined);
      if (!picked) return;
      const path = picked.kind === 'table' ? picked.locator : storedDatasetPath(notebook.uri.scheme === 'file' ? notebook.uri.fsPath : undefined, picked.uri.fsPath);
      // The first dataset is the notebook's default: the chosen one goes first (kernel/notebook/datasets.ts).
      const datasets = chooseDataset((notebook.metadata.datasets ?? []) as { name: string; path: string }[], path);
      const edit = new vscode.WorkspaceEdit();
      edit.set(notebook.uri, [vscode.NotebookEdit.updateNotebookMetadata({ ...notebook.metadata, datasets })]);
      await vscode.workspace.applyEdit(edit);
      log(`dataset: ${path}`);
      void vscode.window.showInformationMessage(`Inferra: this notebook now uses ${path}.`);
    }),

    run('inferra.describeDataset', async () => {
      const notebook = activeNotebook();
      if (!notebook) return;
      const datasets = (notebook.metadata.datasets ?? []) as { path: string }[];
      const { session } = await loadKernel();
      const directive = notebook.getCells().map((c) => session.parseDatasetDirective(c.document.getText())).find(Boolean);
      const path = datasets[0]?.path ?? directive;
      if (!path) {
        void vscode.window.showWarningMessage('This notebook has no dataset yet: use "Choose Dataset…" or a first cell like "use penguins.csv".');
        return;
      }
      const schema = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Inferra: reading ${path}…` },
        async () => (await sessions.get(notebook)).describeDataset(path),
      );
      await showMarkdown((await loadKernel()).assist.buildSchemaMarkdown(schema));
    }),

    run('inferra.runAllAndVerify', async () => {
      const notebook = activeNotebook();
      if (!notebook) return;
      const session = await sessions.get(notebook);
      const rows = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'Inferra: verifying recorded results…', cancellable: true },
        async (_progress, token) => {
          const abort = new AbortController();
          token.onCancellationRequested(() => abort.abort());
          return session.verify(notebookIn(notebook), { signal: abort.signal });
        },
      );
      const count = (status: string) => rows.filter((r) => r.status === status).length;
      const broken = rows.filter((r) => !r.chainOk).length;
      const summary = `${count('reproduced')} reproduced, ${count('diverged')} diverged, ${count('edited')} edited after their run, ${count('data-changed')} with changed data, ${count('not-run')} not run before`
        + (broken ? `, ${broken} with a broken provenance chain` : '');
      log(`verify: ${summary}`);
      for (const row of rows) {
        log(`  ${row.status.padEnd(12)} ${row.cellId}${row.chainOk ? '' : ' (chain broken)'}`);
        for (const d of row.differences.slice(0, 5)) log(`      ${d.path}: ${JSON.stringify(d.stored)} -> ${JSON.stringify(d.now)}`);
      }
      const outcomes = await controller.runCells(notebook, notebook.getCells());
      const failed = outcomes.filter((o) => o === 'failed').length;
      const message = `Inferra: verified — ${summary}. Ran ${outcomes.length} cell(s)${failed ? `, ${failed} failed` : ''}.`;
      if (count('diverged') + count('edited') + count('data-changed') + broken > 0) void vscode.window.showWarningMessage(message, 'Show Log').then((a) => a && vscode.commands.executeCommand('inferra.showLog'));
      else void vscode.window.showInformationMessage(message);
    }),

    // Stored outputs are untrusted even in a trusted workspace (the report never loads what a figure
    // names); in Restricted Mode nothing is written at all.
    run('inferra.exportReport', async (arg?: unknown) => {
      const notebook = activeNotebook();
      if (!notebook) return;
      if (!vscode.workspace.isTrusted) {
        log('inferra.exportReport: not available in Restricted Mode');
        void vscode.window.showWarningMessage(
          'Inferra exports reports only in a trusted workspace, and this folder is open in Restricted Mode. If you trust the folder and its notebooks, use "Manage Workspace Trust" from the Command Palette, then export again.',
        );
        return;
      }
      const notebookPath = notebookPathOf(notebook) ?? join(context.globalStorageUri.fsPath, 'notebook.inferra');
      const target = arg instanceof vscode.Uri ? arg : await vscode.window.showSaveDialog({
        title: 'Export report (HTML)', filters: { 'HTML': ['html'] },
        defaultUri: vscode.Uri.file(notebookPath.replace(/\.inferra$/, '') + '.html'),
      });
      if (!target) return;
      const report = await loadReport();
      await mkdir(dirname(target.fsPath), { recursive: true });
      await report.exportHtmlReport(notebookIn(notebook), notebookPath, target.fsPath);
      log(`report: ${target.fsPath}`);
      if (arg instanceof vscode.Uri) return;
      const open = await vscode.window.showInformationMessage(`Inferra: report written to ${basename(target.fsPath)}.`, 'Open');
      if (open) await vscode.env.openExternal(target);
    }),

    // The Word report (#13): as the HTML export, written with the docx package.
    run('inferra.exportReportWord', async (arg?: unknown) => {
      const notebook = activeNotebook();
      if (!notebook) return;
      if (!vscode.workspace.isTrusted) {
        log('inferra.exportReportWord: not available in Restricted Mode');
        void vscode.window.showWarningMessage('Inferra exports reports only in a trusted workspace, and this folder is open in Restricted Mode. If you trust the folder and its notebooks, use "Manage Workspace Trust" from the Command Palette, then export again.');
        return;
      }
      const notebookPath = notebookPathOf(notebook) ?? join(context.globalStorageUri.fsPath, 'notebook.inferra');
      const target = arg instanceof vscode.Uri ? arg : await vscode.window.showSaveDialog({
        title: 'Export report (Word)', filters: { 'Word document': ['docx'] },
        defaultUri: vscode.Uri.file(notebookPath.replace(/\.inferra$/, '') + '.docx'),
      });
      if (!target) return;
      const report = await loadReport();
      await mkdir(dirname(target.fsPath), { recursive: true });
      await report.exportDocxReport(notebookIn(notebook), notebookPath, target.fsPath);
      log(`Word report: ${target.fsPath}`);
      if (arg instanceof vscode.Uri) return;
      const open = await vscode.window.showInformationMessage(`Inferra: Word report written to ${basename(target.fsPath)}.`, 'Open');
      if (open) await vscode.env.openExternal(target);
    }),

    run('inferra.showProvenance', async (arg?: vscode.NotebookCell) => {
      const cell = arg && 'notebook' in arg ? arg : vscode.window.activeNotebookEditor?.notebook.cellAt(vscode.window.activeNotebookEditor.selection.start);
      if (!cell || cell.kind !== vscode.NotebookCellKind.Code) {
        void vscode.window.showWarningMessage('Select an ask cell first.');
        return;
      }
      const chain = ((cell.metadata?.inferra as { provenance?: unknown[] } | undefined)?.provenance ?? []) as Record<string, any>[];
      if (!chain.length) {
        void vscode.window.showInformationMessage('This cell has not run yet: it has no provenance.');
        return;
      }
      await showMarkdown((await loadKernel()).assist.buildProvenanceMarkdown(String(cell.metadata?.id), cell.document.getText(), chain));
    }),

    run('inferra.setApiKey', async () => {
      if (await promptApiKey(context.secrets)) {
        await sessions.resetAll();
        void vscode.window.showInformationMessage('Inferra: Grok key stored in VS Code\'s secret storage. Turn on inferra.llm.enabled to use it.');
      }
    }),
    run('inferra.clearApiKey', async () => {
      await context.secrets.delete(XAI_KEY_SECRET);
      await sessions.resetAll();
      void vscode.window.showInformationMessage('Inferra: Grok key removed.');
    }),
    run('inferra.supabaseSignIn', async (arg?: { email?: unknown; password?: unknown }) => {
      await provenance.signIn(fromTests(arg));
      // Sessions made while signed out have no LLM quota (Supabase tiers): the next run makes fresh ones.
      await sessions.resetAll();
    }),
    run('inferra.supabaseSignOut', () => provenance.signOut()),
    run('inferra.showPendingProvenance', () => provenance.flushNow()),
    run('inferra.showLog', async () => channel.show(true)),
    // Teams (#12): an argument skips the pickers, in the extension's own tests only (see fromTests); these return what they did.
    vscode.commands.registerCommand('inferra.chooseSupabaseProject', (arg?: { name?: string; create?: boolean; accept?: boolean }) => reportFailure('inferra.chooseSupabaseProject', () => teams.chooseProject(fromTests(arg)))),
    vscode.commands.registerCommand('inferra.inviteToProject', (arg?: { email?: string; role?: 'editor' | 'viewer' }) => reportFailure('inferra.inviteToProject', () => teams.invite(fromTests(arg)))),
    vscode.commands.registerCommand('inferra.refreshProjectHistory', () => reportFailure('inferra.refreshProjectHistory', () => teams.refresh())),
    run('inferra.openProjectRun', (projectRun: Parameters<TeamsUi['openRun']>[0]) => teams.openRun(projectRun)),
  ];
}
