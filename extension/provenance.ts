/**
 * Supabase provenance in the editor: the client and the shared sink (created lazily, only when
 * `inferra.supabase.url` and `inferra.supabase.anonKey` are set), sign-in and sign-out with the
 * session kept in SecretStorage, a status bar item with the records still waiting to be sent, and
 * retention (`inferra.supabase.retentionDays`): the user's older runs and their figures are deleted
 * once a day while signed in.
 *
 * Nothing here contacts Supabase in an untrusted workspace (Restricted Mode), and the settings are
 * read from the user's settings only (they are application-scoped: a folder's .vscode/settings.json
 * cannot point the session, or retention, at another project). The saved session is bound to the
 * project URL by the kernel client (security review H4).
 */
import * as vscode from 'vscode';
import type { ProvenanceClient, SupabaseSink, TeamsClient } from '../kernel/api.js';
import { notebookMessage } from './advice.js';
import { loadProvenance } from './kernel-loader.js';
import type { Log } from './log.js';
import { createSecretSessionStorage } from './secrets.js';
import { userSetting } from './user-settings.js';

const DAY_MS = 24 * 60 * 60 * 1000;

interface Connection {
  client: ProvenanceClient;
  sink: SupabaseSink;
  teams: TeamsClient;
}

/** Supabase client, sink and status bar. */
export class ProvenanceHub implements vscode.Disposable {
  private connection: Promise<Connection | undefined> | undefined;
  private readonly status: vscode.StatusBarItem;
  private timer: NodeJS.Timeout | undefined;
  private signedIn: string | undefined;
  /** When retention last ran (ms since epoch), so it runs at most once a day. */
  private retentionRanAt = 0;

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly log: Log,
    private readonly isTrusted: () => boolean = () => vscode.workspace.isTrusted,
  ) {
    this.status = vscode.window.createStatusBarItem('inferra.provenance', vscode.StatusBarAlignment.Right, 90);
    this.status.name = 'Inferra provenance';
    this.status.command = 'inferra.showPendingProvenance';
  }

  /** Whether the Supabase settings are filled in (in the user's settings). */
  isConfigured(): boolean {
    return Boolean(userSetting('supabase.url', '').trim() && userSetting('supabase.anonKey', '').trim());
  }

  /** The shared sink, or undefined when Supabase is not configured. */
  async sink(): Promise<SupabaseSink | undefined> {
    return (await this.connect())?.sink;
  }

  /** The team operations (projects, history, LLM quota), or undefined when Supabase is not configured. */
  async teams(): Promise<TeamsClient | undefined> {
    return (await this.connect())?.teams;
  }

  /** Whether a user is signed in (as far as the last check knows). */
  isSignedIn(): boolean {
    return this.signedIn !== undefined;
  }

  /** The configured project URL (user settings), '' when unset. */
  projectUrl(): string {
    return userSetting('supabase.url', '').trim();
  }

  /** Starts the status bar when configured (called a moment after activation, off the hot path). */
  start(): void {
    if (!this.isTrusted() || !this.isConfigured()) {
      this.status.hide();
      return;
    }
    void this.connect().then(() => this.refresh()).then(() => this.applyRetention());
    this.timer ??= setInterval(() => void this.refresh().then(() => this.applyRetention()), 5000);
  }

  /** Asks for e-mail and password and signs in (`credentials` given by automation skip the prompts). */
  async signIn(credentials?: { email?: unknown; password?: unknown }): Promise<void> {
    if (!this.isTrusted()) {
      void vscode.window.showWarningMessage('Inferra does not contact Supabase in Restricted Mode. Trust this workspace first, then sign in.');
      return;
    }
    if (!this.isConfigured()) {
      const open = await vscode.window.showWarningMessage('Set inferra.supabase.url and inferra.supabase.anonKey first.', 'Open Settings');
      if (open) await vscode.commands.executeCommand('workbench.action.openSettings', 'inferra.supabase');
      return;
    }
    const given = typeof credentials?.email === 'string' && typeof credentials.password === 'string' ? { email: credentials.email, password: credentials.password } : undefined;
    const email = given?.email ?? await vscode.window.showInputBox({ title: 'Sign in to Supabase (1/2)', prompt: 'E-mail', ignoreFocusOut: true,
      validateInput: (v) => (/^\S+@\S+\.\S+$/.test(v.trim()) ? undefined : 'Enter an e-mail address.') });
    if (!email) return;
    const password = given?.password ?? await vscode.window.showInputBox({ title: 'Sign in to Supabase (2/2)', prompt: 'Password', password: true, ignoreFocusOut: true });
    if (!password) return;
    const connection = await this.connect();
    if (!connection) return;
    try {
      const user = await connection.client.signInWithPassword(email.trim(), password);
      this.signedIn = user.email ?? email.trim();
      this.log(`supabase: signed in as ${this.signedIn}`);
      await connection.sink.wake();
      void vscode.window.showInformationMessage(`Inferra: signed in to Supabase as ${this.signedIn}. Provenance records will be sent there.`);
      this.retentionRanAt = 0;
      void this.applyRetention();
    } catch (error) {
      void vscode.window.showErrorMessage(`Inferra: Supabase sign-in failed: ${notebookMessage(error)}`);
    }
    await this.refresh();
  }

  /** Signs out and forgets the session. */
  async signOut(): Promise<void> {
    const connection = await this.connect();
    try {
      await connection?.client.signOut();
    } finally {
      const storage = createSecretSessionStorage(this.secrets);
      const { supabase } = await loadProvenance();
      await storage.removeItem(supabase.LEGACY_STORAGE_KEY);
      const url = userSetting('supabase.url', '').trim();
      if (url) await storage.removeItem(supabase.sessionStorageKey(url)).catch(() => undefined);
      this.signedIn = undefined;
      this.log('supabase: signed out');
      void vscode.window.showInformationMessage('Inferra: signed out of Supabase. Records wait on disk until you sign in again.');
      await this.refresh();
    }
  }

  /** Tries to send waiting records now and says how many remain. */
  async flushNow(): Promise<void> {
    const connection = await this.connect();
    if (!connection) {
      void vscode.window.showInformationMessage(this.isTrusted()
        ? 'Inferra: Supabase is not configured; provenance is kept in the notebooks only.'
        : 'Inferra: Supabase is not contacted in Restricted Mode; trust this workspace to send provenance records.');
      return;
    }
    await connection.sink.wake();
    await connection.sink.flush();
    await this.refresh();
    const error = connection.sink.lastError();
    void vscode.window.showInformationMessage(`Inferra: ${connection.sink.pending()} provenance record(s) waiting${error ? ` (last error: ${error.message})` : ''}.`);
  }

  /** Drops the connection (settings changed); the next use reconnects. */
  async reset(): Promise<void> {
    const old = this.connection;
    this.connection = undefined;
    const connection = await old?.catch(() => undefined);
    await connection?.sink.close().catch(() => undefined);
    await connection?.client.close().catch(() => undefined);
    this.start();
  }

  dispose(): void {
    if (this.timer) clearInterval(this.timer);
    this.status.dispose();
    void this.connection?.then((c) => c?.sink.close()).catch(() => undefined);
  }

  private connect(): Promise<Connection | undefined> {
    if (!this.isTrusted() || !this.isConfigured()) return Promise.resolve(undefined);
    this.connection ??= (async () => {
      const { supabase, sink, teams } = await loadProvenance();
      const client = supabase.createProvenanceClient({
        url: userSetting('supabase.url', '').trim(),
        anonKey: userSetting('supabase.anonKey', '').trim(),
        storage: createSecretSessionStorage(this.secrets),
        fetch: globalThis.fetch,
        onNotice: (message) => {
          this.log(`supabase: ${message}`);
          void vscode.window.showWarningMessage(`Inferra: ${message}`);
        },
      });
      const user = await client.currentUser().catch(() => null);
      this.signedIn = user?.email ?? (user ? 'signed in' : undefined);
      return {
        client,
        sink: sink.createSupabaseSink({ client, onEvent: (e) => this.log(`provenance queue: ${e.type}`) }),
        teams: teams.createTeamsClient(client, this.projectUrl()),
      };
    })().catch((error: unknown) => {
      this.log(`supabase: ${error instanceof Error ? error.message : String(error)}`);
      this.connection = undefined;
      return undefined;
    });
    return this.connection;
  }

  /**
   * Deletes the signed-in user's runs older than `inferra.supabase.retentionDays` (and their
   * figures), at most once a day; failures are logged and retried the next day.
   */
  private async applyRetention(): Promise<void> {
    const days = userSetting('supabase.retentionDays', 0);
    if (!Number.isInteger(days) || days <= 0 || !this.signedIn || Date.now() - this.retentionRanAt < DAY_MS) return;
    const connection = this.connection && (await this.connection);
    if (!connection) return;
    this.retentionRanAt = Date.now();
    try {
      const removed = await connection.client.purgeOlderThan(days);
      this.log(`supabase: retention: removed ${removed} run(s) older than ${days} day(s), with their figures`);
    } catch (error) {
      this.log(`supabase: retention: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private async refresh(): Promise<void> {
    const connection = this.connection && (await this.connection);
    if (!connection || !this.isTrusted() || !this.isConfigured()) {
      this.status.hide();
      return;
    }
    const pending = connection.sink.pending();
    this.status.text = pending > 0 ? `$(cloud-upload) ${pending}` : this.signedIn ? '$(cloud) Inferra' : '$(cloud) Inferra (signed out)';
    this.status.tooltip = pending > 0
      ? `${pending} provenance record(s) waiting to be sent to Supabase${this.signedIn ? '' : ' (sign in to send them)'}. Click to retry now.`
      : this.signedIn ? `Provenance is sent to Supabase as ${this.signedIn}.` : 'Supabase is configured; sign in to send provenance.';
    this.status.show();
  }
}
