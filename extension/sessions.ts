/**
 * One kernel session per open notebook, created on first run (the kernel is loaded then), rebuilt
 * when settings change, disposed when the notebook closes. Settings and secrets are read here and
 * handed to the kernel as plain options.
 */
import { basename, join } from 'node:path';
import * as vscode from 'vscode';
import type { LlmSettings, NotebookSession, ProvenanceSink, SessionOptions } from '../kernel/api.js';
import { OutsideDataConsents } from './data-consent.js';
import { loadKernel, loadReport } from './kernel-loader.js';
import type { Log } from './log.js';
import { XAI_KEY_SECRET } from './secrets.js';
import { userSetting } from './user-settings.js';

/** What sessions need from the rest of the extension. */
export interface SessionDeps {
  secrets: vscode.SecretStorage;
  /** The extension's global storage folder (LLM cache and daily token count). */
  storageDir?: string;
  log: Log;
  /** The Supabase sink when configured and signed in (shared by all sessions). */
  provenanceSink(): Promise<ProvenanceSink | undefined>;
  /**
   * The Supabase project of a notebook's runs (its metadata, when chosen on the configured Supabase)
   * and the LLM quota to reserve from (the project owner's, or the user's own), when signed in.
   */
  supabaseProject?(document: vscode.NotebookDocument): Promise<{ projectId?: string; quota?: LlmSettings['quota'] }>;
}

/** The path the kernel resolves dataset paths against: the file, or a workspace folder for untitled notebooks. */
export function notebookPathOf(document: vscode.NotebookDocument): string | undefined {
  if (document.uri.scheme === 'file') return document.uri.fsPath;
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder?.uri.scheme === 'file' ? join(folder.uri.fsPath, 'untitled.inferra') : undefined;
}

/** A sink that forwards to a shared one but leaves it open when one session is disposed. */
function shareSink(sink: ProvenanceSink): ProvenanceSink {
  return {
    submit: (entry) => sink.submit(entry),
    pending: () => sink.pending(),
    flush: () => sink.flush(),
    close: async () => undefined,
  };
}

/** The sessions of the open notebooks. */
export class SessionRegistry implements vscode.Disposable {
  private readonly sessions = new Map<string, Promise<NotebookSession>>();
  /** "Allow once" answers for datasets outside a notebook's folder: kept across session resets, forgotten when the notebook closes. */
  private readonly consents = new OutsideDataConsents(async (prompt) =>
    vscode.window.showWarningMessage(prompt.message, { modal: true, detail: prompt.detail }, prompt.allow));
  private readonly closing: vscode.Disposable;

  constructor(private readonly deps: SessionDeps) {
    this.closing = vscode.workspace.onDidCloseNotebookDocument((document) => this.consents.forget(document.uri.toString()));
  }

  /** The session of a notebook, created on first use. */
  get(document: vscode.NotebookDocument): Promise<NotebookSession> {
    const key = document.uri.toString();
    let session = this.sessions.get(key);
    if (!session) {
      session = this.create(document);
      this.sessions.set(key, session);
      session.catch(() => this.sessions.delete(key));
    }
    return session;
  }

  /** Whether a notebook has a session already (completions use it only then, or create one). */
  has(document: vscode.NotebookDocument): boolean {
    return this.sessions.has(document.uri.toString());
  }

  /** Disposes a notebook's session; the next run creates a fresh one. */
  async reset(document: vscode.NotebookDocument): Promise<void> {
    const key = document.uri.toString();
    const session = this.sessions.get(key);
    this.sessions.delete(key);
    await session?.then((s) => s.dispose()).catch(() => undefined);
  }

  /** Disposes every session (settings or secrets changed). */
  async resetAll(): Promise<void> {
    const all = [...this.sessions.values()];
    this.sessions.clear();
    await Promise.all(all.map((s) => s.then((x) => x.dispose()).catch(() => undefined)));
  }

  dispose(): void {
    this.closing.dispose();
    void this.resetAll();
  }

  private async create(document: vscode.NotebookDocument): Promise<NotebookSession> {
    const kernel = await loadKernel();
    const options = await this.readOptions(document);
    this.deps.log(`session: ${document.uri.fsPath || document.uri.toString()} (LLM fallback ${options.allowLlm ? 'on' : 'off'})`);
    return new kernel.session.NotebookSession(options);
  }

  private async readOptions(document: vscode.NotebookDocument): Promise<SessionOptions> {
    const config = vscode.workspace.getConfiguration('inferra', document.uri);
    const apiKey = await this.deps.secrets.get(XAI_KEY_SECRET);
    const llmEnabled = userSetting<boolean>('llm.enabled', false);
    const sink = await this.deps.provenanceSink().catch(() => undefined);
    const team = (await this.deps.supabaseProject?.(document).catch(() => undefined)) ?? {};
    const timeoutSeconds = config.get<number>('execution.timeoutSeconds', 300);
    const notebookPath = notebookPathOf(document);
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    return {
      notebookPath,
      // The Supabase history groups runs by notebook: its path inside the workspace.
      notebookId: folder && notebookPath ? vscode.workspace.asRelativePath(document.uri, true) : notebookPath,
      // The notebook's Supabase project (metadata `supabase_project`): its runs are recorded there.
      projectId: team.projectId,
      allowLlm: Boolean(llmEnabled && apiKey),
      llm: { ...buildLlmSettings(apiKey, this.deps.storageDir), ...(team.quota ? { quota: team.quota } : {}) },
      sinks: sink ? [shareSink(sink)] : [],
      // Figures go to the Supabase bucket as SVG with each run (vega needs the ESM report bundle).
      renderSvg: sink ? async (spec) => (await loadReport()).renderSvg(spec) : undefined,
      log: this.deps.log,
      timeoutMs: Math.max(1, timeoutSeconds) * 1000,
      // A dataset outside the notebook's folder: a modal prompt before it is read.
      datasetConsent: this.consents.callbackFor(document.uri.toString(), basename(document.uri.path) || 'This notebook'),
    };
  }
}

/** The LLM settings the kernel takes, from the user's `inferra.llm.*` settings and the stored key. */
export function buildLlmSettings(apiKey: string | undefined, storageDir?: string): LlmSettings {
  const budget = userSetting<number>('llm.dailyTokenBudget', 200000);
  return {
    apiKey: apiKey ?? '',
    model: userSetting<string>('llm.model', '') || undefined,
    baseUrl: userSetting<string>('llm.baseUrl', '') || undefined,
    dailyBudgetTokens: budget > 0 ? budget : undefined,
    // Answers cached and tokens counted in the extension's own storage.
    cacheDir: storageDir ? join(storageDir, 'llm-cache') : undefined,
    usageFile: storageDir ? join(storageDir, 'llm-usage.json') : undefined,
    // VS Code patches the global fetch for proxies and certificates (recipes/xai-grok.md).
    fetch: (input, init) => globalThis.fetch(input, init),
  };
}
