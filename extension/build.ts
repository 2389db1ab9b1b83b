/**
 * Builds the extension's parts and returns them as disposables: the output channel, the serializer,
 * the sessions, the controller, renderer messaging (ambiguity choices), completions and hovers, the
 * commands and the provenance status bar. Nothing here loads the kernel: that happens on first use.
 */
import * as vscode from 'vscode';
import { parseChooseMessage } from './choice.js';
import { registerCommands } from './commands.js';
import { InferraController } from './controller.js';
import { registerLanguageFeatures } from './language.js';
import { createLog } from './log.js';
import { ProvenanceHub } from './provenance.js';
import { InferraSerializer, NOTEBOOK_TYPE, SERIALIZER_OPTIONS } from './serializer.js';
import { SessionRegistry } from './sessions.js';
import { TeamsUi } from './teams.js';
import { startWhenTrusted } from './trust-gate.js';

/** The result renderer's id (package.json `notebookRenderer`). */
export const RESULT_RENDERER_ID = 'inferra-result';

/** Every part of the extension, ready to be pushed to `context.subscriptions`, and the logger. */
export function buildExtension(context: vscode.ExtensionContext): { parts: vscode.Disposable[]; log: (line: string) => void } {
  const { channel, log } = createLog();
  const provenance = new ProvenanceHub(context.secrets, log);
  // (late-bound: the teams part needs the sessions, the sessions ask it for a notebook's project)
  let teams: TeamsUi | undefined;
  const sessions = new SessionRegistry({
    secrets: context.secrets, storageDir: context.globalStorageUri.fsPath, log,
    provenanceSink: () => provenance.sink(),
    supabaseProject: async (document) => (teams ? teams.supabaseProject(document) : {}),
  });
  teams = new TeamsUi(provenance, sessions, log, context.globalStorageUri.fsPath);
  const controller = new InferraController(sessions, log);
  const messaging = vscode.notebooks.createRendererMessaging(RESULT_RENDERER_ID);
  const parts: vscode.Disposable[] = [
    channel, provenance, sessions, controller, teams,
    vscode.workspace.registerNotebookSerializer(NOTEBOOK_TYPE, new InferraSerializer(log), SERIALIZER_OPTIONS),
    messaging.onDidReceiveMessage(({ editor, message }) => {
      const request = parseChooseMessage(message);
      const cell = request && editor.notebook.getCells().find((c) => c.metadata?.id === request.cellId);
      if (!request || !cell) return log(`renderer message ignored: ${JSON.stringify(message).slice(0, 200)}`);
      log(`cell ${request.cellId}: choice ${request.choice.analysis} pinned by the user`);
      void controller.runCells(editor.notebook, [cell], { choice: request.choice });
    }),
    ...registerLanguageFeatures(sessions, log),
    ...registerCommands({ context, controller, sessions, provenance, log, channel, teams }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('inferra.supabase')) void provenance.reset();
      if (event.affectsConfiguration('inferra')) void sessions.resetAll();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => log('workspace trusted: cells can run')),
  ];
  // The Supabase status bar starts off the activation path (it loads supabase-js), and only in a
  // trusted workspace: in Restricted Mode the extension contacts nothing until trust is granted.
  parts.push(startWhenTrusted(vscode.workspace, () => provenance.start(), {
    delayMs: 1500,
    onRestricted: () => log('Restricted Mode: Supabase is not contacted until this workspace is trusted'),
  }));
  return { parts, log };
}
