/**
 * Teams in the editor: "Inferra: Choose Supabase Project..." (create one, pick one you are a member
 * of, or accept an invitation; the choice goes into the notebook's metadata and a status bar item
 * shows it), "Inferra: Invite to Project...", and the Project History view (Explorer): the project's
 * runs by notebook and cell, with who recorded each, when, the analysis and the result digest;
 * opening a run shows its provenance and figures. Everything goes through the kernel's teams client
 * (kernel/provenance/teams.ts, loaded lazily); the database decides who may do what.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { LlmQuota, NotebookProject, ProjectRun, TeamsClient } from '../kernel/api.js';
import { notebookMessage } from './advice.js';
import { loadKernel, loadProvenance } from './kernel-loader.js';
import type { Log } from './log.js';
import type { ProvenanceHub } from './provenance.js';
import { NOTEBOOK_TYPE } from './serializer.js';
import type { SessionRegistry } from './sessions.js';

/** The Project History view's id (package.json `views.explorer`). */
export const PROJECT_HISTORY_VIEW = 'inferra.projectHistory';

/** One row of the history tree. */
type HistoryNode =
  | { kind: 'notebook'; notebookId: string; runs: ProjectRun[] }
  | { kind: 'cell'; notebookId: string; cellId: string; runs: ProjectRun[] }
  | { kind: 'run'; run: ProjectRun }
  | { kind: 'note'; text: string };

/** What a choice of project arrives as from automation (tests): a name to pick, or to create. */
interface ProjectArg {
  name?: string;
  create?: boolean;
  /** Accept the pending invitation to this project (by name) first. */
  accept?: boolean;
}

/** The team commands, the status bar item and the history view. */
export class TeamsUi implements vscode.Disposable, vscode.TreeDataProvider<HistoryNode> {
  private readonly status: vscode.StatusBarItem;
  private readonly changed = new vscode.EventEmitter<HistoryNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [];
  /** The last Inferra notebook that had focus (the view keeps showing its project when the tree takes focus). */
  private current: vscode.NotebookDocument | undefined;
  private runs: Promise<ProjectRun[]> | undefined;

  constructor(
    private readonly hub: ProvenanceHub,
    private readonly sessions: SessionRegistry,
    private readonly log: Log,
    private readonly storageDir: string,
  ) {
    this.status = vscode.window.createStatusBarItem('inferra.project', vscode.StatusBarAlignment.Right, 89);
    this.status.name = 'Inferra project';
    this.status.command = 'inferra.chooseSupabaseProject';
    this.subscriptions.push(
      vscode.window.registerTreeDataProvider(PROJECT_HISTORY_VIEW, this),
      vscode.window.onDidChangeActiveNotebookEditor((editor) => {
        if (editor?.notebook.notebookType === NOTEBOOK_TYPE) this.follow(editor.notebook);
      }),
      vscode.workspace.onDidChangeNotebookDocument((event) => {
        if (event.notebook === this.current && event.metadata) this.follow(event.notebook);
      }),
    );
    const active = vscode.window.activeNotebookEditor?.notebook;
    if (active?.notebookType === NOTEBOOK_TYPE) this.follow(active);
  }

  /** The project in a notebook's metadata (`metadata.supabase_project`), read without the kernel. */
  projectOf(document: vscode.NotebookDocument): NotebookProject | undefined {
    const project = (document.metadata?.metadata as Record<string, unknown> | undefined)?.supabase_project as NotebookProject | undefined;
    return project && typeof project.id === 'string' && typeof project.name === 'string' ? project : undefined;
  }

  /** For the sessions: the project a notebook's runs go to, and the LLM quota to reserve from (signed in only). */
  async supabaseProject(document: vscode.NotebookDocument): Promise<{ projectId?: string; quota?: LlmQuota }> {
    const teams = await this.hub.teams();
    if (!teams) return {};
    const { teams: api } = await loadProvenance();
    const { projectId, mismatch } = api.projectForUrl(api.readNotebookProject(document.metadata?.metadata as Record<string, unknown> | undefined), this.hub.projectUrl());
    if (mismatch) this.log(`supabase: ${mismatch}`);
    return { projectId, ...(this.hub.isSignedIn() ? { quota: teams.llmQuota(projectId) } : {}) };
  }

  /** "Choose Supabase Project...": pick one of yours, accept an invitation, create one, or go personal. */
  async chooseProject(arg?: ProjectArg): Promise<NotebookProject | undefined> {
    const notebook = this.activeNotebook();
    const teams = notebook && (await this.signedInTeams());
    if (!notebook || !teams) return undefined;
    let chosen: { id: string; name: string } | undefined;
    let personal = false;
    if (arg?.name) {
      if (arg.accept) {
        const invitation = (await teams.myInvitations()).find((i) => i.projectName.toLowerCase() === arg.name!.toLowerCase());
        if (invitation) await teams.acceptInvitation(invitation.id);
      }
      chosen = arg.create ? await teams.createProject(arg.name) : await teams.resolveProject(arg.name);
    } else {
      const [projects, invitations] = await Promise.all([teams.listProjects(), teams.myInvitations()]);
      type Item = vscode.QuickPickItem & { act: () => Promise<{ id: string; name: string } | 'personal' | undefined> };
      const items: Item[] = [
        ...projects.map((p): Item => ({
          label: `$(organization) ${p.name}`,
          description: `${p.role}${p.archived ? ', archived' : ''}`,
          act: async () => p,
        })),
        ...invitations.map((i): Item => ({
          label: `$(mail) Accept the invitation to ${i.projectName}`,
          description: `as ${i.role}${i.invitedBy ? `, from ${i.invitedBy}` : ''}`,
          act: async () => ({ id: await teams.acceptInvitation(i.id), name: i.projectName }),
        })),
        { label: '$(add) Create a new project...', act: async () => this.askNewProject(teams) },
        { label: '$(person) No project: record my runs privately', act: async () => 'personal' },
      ];
      const picked = await vscode.window.showQuickPick(items, { title: 'Supabase project of this notebook', placeHolder: 'The project whose members see and check these runs' });
      const result = await picked?.act();
      if (!result) return undefined;
      if (result === 'personal') personal = true;
      else chosen = result;
    }
    const project = chosen ? { id: chosen.id, name: chosen.name, url: this.hub.projectUrl() } : undefined;
    if (!project && !personal) return undefined;
    await this.setProject(notebook, project);
    void vscode.window.showInformationMessage(project
      ? `Inferra: this notebook's runs are now recorded in the project ${project.name}.`
      : "Inferra: this notebook's runs are now recorded privately.");
    return project;
  }

  /** "Invite to Project...": the owner invites an e-mail address as editor or viewer. */
  async invite(arg?: { email?: string; role?: 'editor' | 'viewer' }): Promise<string | undefined> {
    const notebook = this.activeNotebook();
    const teams = notebook && (await this.signedInTeams());
    if (!notebook || !teams) return undefined;
    const project = this.projectOf(notebook);
    if (!project) {
      void vscode.window.showWarningMessage('This notebook has no Supabase project yet: run "Inferra: Choose Supabase Project..." first.');
      return undefined;
    }
    const email = arg?.email ?? (await vscode.window.showInputBox({
      title: `Invite to ${project.name} (1/2)`, prompt: 'E-mail address of the person to invite', ignoreFocusOut: true,
      validateInput: (v) => (/^\S+@\S+$/.test(v.trim()) ? undefined : 'Enter an e-mail address.'),
    }));
    if (!email) return undefined;
    const role = arg?.role ?? ((await vscode.window.showQuickPick(
      [{ label: 'viewer', description: 'reads the runs and figures' }, { label: 'editor', description: 'also records runs' }],
      { title: `Invite to ${project.name} (2/2)`, placeHolder: 'Role' },
    ))?.label as 'editor' | 'viewer' | undefined);
    if (!role) return undefined;
    const id = await teams.inviteToProject(project.id, email.trim(), role);
    this.log(`supabase: invited ${email.trim()} to ${project.name} as ${role}`);
    void vscode.window.showInformationMessage(`Inferra: ${email.trim()} is invited to ${project.name} as ${role}. They accept it with "Inferra: Choose Supabase Project..." after signing in with that address.`);
    return id;
  }

  /** Reloads the history; returns what the view shows (automation and tests read it). */
  async refresh(): Promise<{ notebookId: string; cellId: string; recordedBy: string; recordedAt: string; analysis: string; digest: string | null }[]> {
    this.runs = undefined;
    this.changed.fire(undefined);
    const runs = await this.loadRuns();
    return runs.map((r) => ({ notebookId: r.notebookId, cellId: r.cellId, recordedBy: r.recordedBy, recordedAt: r.createdAt, analysis: r.analysis, digest: r.resultDigest }));
  }

  /** Opens a run: its provenance (who, when, the record) and its figures, in a Markdown preview. */
  async openRun(run: ProjectRun): Promise<string> {
    const teams = await this.hub.teams();
    const dir = join(this.storageDir, 'project-runs', run.runId);
    await mkdir(dir, { recursive: true });
    const { assist } = await loadKernel();
    const figures: string[] = [];
    for (const figure of run.figures) {
      try {
        const svg = await teams!.downloadFigure(figure.path);
        const file = join(dir, `${figure.name.replace(/[^A-Za-z0-9._-]+/g, '_')}.svg`);
        await writeFile(file, svg);
        figures.push(`![${figure.name}](${vscode.Uri.file(file).toString()})`);
      } catch (error) {
        figures.push(`- figure ${figure.name}: ${notebookMessage(error)}`);
      }
    }
    const text = [
      `Recorded by **${run.recordedBy}** at ${run.createdAt} in notebook \`${run.notebookId}\`.`,
      '',
      assist.buildProvenanceMarkdown(run.cellId, `(${run.analysis})`, [run.record as unknown as Record<string, unknown>]),
      ...(figures.length ? ['## Figures', '', ...figures, ''] : []),
    ].join('\n');
    const file = join(dir, 'provenance.md');
    await writeFile(file, text);
    const uri = vscode.Uri.file(file);
    await vscode.commands.executeCommand('markdown.showPreview', uri).then(undefined, async () => {
      await vscode.window.showTextDocument(uri, { preview: true, viewColumn: vscode.ViewColumn.Beside });
    });
    return file;
  }

  getTreeItem(node: HistoryNode): vscode.TreeItem {
    switch (node.kind) {
      case 'notebook': {
        const item = new vscode.TreeItem(node.notebookId, vscode.TreeItemCollapsibleState.Expanded);
        item.iconPath = new vscode.ThemeIcon('notebook');
        item.description = `${node.runs.length} run${node.runs.length === 1 ? '' : 's'}`;
        return item;
      }
      case 'cell': {
        const item = new vscode.TreeItem(node.cellId, vscode.TreeItemCollapsibleState.Collapsed);
        item.iconPath = new vscode.ThemeIcon('symbol-event');
        item.description = `${node.runs.length} run${node.runs.length === 1 ? '' : 's'}`;
        return item;
      }
      case 'run': {
        const { run } = node;
        const item = new vscode.TreeItem(run.analysis, vscode.TreeItemCollapsibleState.None);
        const digest = run.resultDigest ? run.resultDigest.slice(0, 12) : 'no result';
        item.description = `${run.recordedBy} · ${new Date(run.createdAt).toLocaleString()} · ${digest}`;
        item.tooltip = `${run.analysis} (${run.status}), recorded by ${run.recordedBy} at ${run.createdAt}\nresult digest ${run.resultDigest ?? '-'}\nrecord hash ${run.recordHash}`;
        item.iconPath = new vscode.ThemeIcon(run.status === 'ok' ? 'pass' : 'warning');
        item.command = { command: 'inferra.openProjectRun', title: 'Show provenance', arguments: [run] };
        return item;
      }
      case 'note':
        return new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
    }
  }

  async getChildren(node?: HistoryNode): Promise<HistoryNode[]> {
    if (node?.kind === 'notebook') return group(node.runs, (r) => r.cellId).map(([cellId, runs]) => ({ kind: 'cell', notebookId: node.notebookId, cellId, runs }));
    if (node?.kind === 'cell') return node.runs.map((run) => ({ kind: 'run', run }));
    if (node) return [];
    if (!this.current || !this.projectOf(this.current)) return [{ kind: 'note', text: 'This notebook has no Supabase project (Inferra: Choose Supabase Project...).' }];
    try {
      const runs = await this.loadRuns();
      if (runs.length === 0) return [{ kind: 'note', text: 'No runs recorded in this project yet.' }];
      return group(runs, (r) => r.notebookId).map(([notebookId, of]) => ({ kind: 'notebook', notebookId, runs: of }));
    } catch (error) {
      return [{ kind: 'note', text: notebookMessage(error) }];
    }
  }

  dispose(): void {
    this.status.dispose();
    this.changed.dispose();
    for (const s of this.subscriptions) s.dispose();
  }

  private follow(notebook: vscode.NotebookDocument): void {
    const before = this.current && this.projectOf(this.current)?.id;
    this.current = notebook;
    const project = this.projectOf(notebook);
    if (project && this.hub.isConfigured()) {
      this.status.text = `$(organization) ${project.name}`;
      this.status.tooltip = `This notebook's runs are recorded in the Supabase project ${project.name}. Click to choose another.`;
      this.status.show();
    } else if (this.hub.isConfigured()) {
      this.status.text = '$(organization) no project';
      this.status.tooltip = "This notebook's runs are recorded privately. Click to choose a Supabase project.";
      this.status.show();
    } else {
      this.status.hide();
    }
    if (before !== project?.id) {
      this.runs = undefined;
      this.changed.fire(undefined);
    }
  }

  private loadRuns(): Promise<ProjectRun[]> {
    const project = this.current && this.projectOf(this.current);
    if (!project) return Promise.resolve([]);
    this.runs ??= (async () => {
      const teams = await this.hub.teams();
      if (!teams) return [];
      return teams.listProjectRuns(project.id);
    })();
    this.runs.catch(() => (this.runs = undefined));
    return this.runs;
  }

  private async setProject(notebook: vscode.NotebookDocument, project: NotebookProject | undefined): Promise<void> {
    const inner = { ...((notebook.metadata?.metadata as Record<string, unknown> | undefined) ?? {}) };
    if (project) inner.supabase_project = project;
    else delete inner.supabase_project;
    const edit = new vscode.WorkspaceEdit();
    edit.set(notebook.uri, [vscode.NotebookEdit.updateNotebookMetadata({ ...notebook.metadata, metadata: inner })]);
    await vscode.workspace.applyEdit(edit);
    // The next run's session carries the new project (and its LLM quota).
    await this.sessions.reset(notebook);
    this.log(`supabase: ${notebook.uri.fsPath || notebook.uri.toString()} -> ${project ? `project ${project.name} (${project.id})` : 'no project'}`);
    this.follow(notebook);
  }

  private activeNotebook(): vscode.NotebookDocument | undefined {
    const notebook = vscode.window.activeNotebookEditor?.notebook;
    if (notebook?.notebookType === NOTEBOOK_TYPE) return notebook;
    void vscode.window.showWarningMessage('Open an Inferra notebook (.inferra) first.');
    return undefined;
  }

  private async signedInTeams(): Promise<TeamsClient | undefined> {
    const teams = await this.hub.teams();
    if (!teams || !this.hub.isSignedIn()) {
      const action = await vscode.window.showWarningMessage(
        teams ? 'Sign in to Supabase first: projects belong to signed-in users.' : 'Set inferra.supabase.url and inferra.supabase.anonKey, then sign in.',
        teams ? 'Sign In' : 'Open Settings',
      );
      if (action === 'Sign In') await vscode.commands.executeCommand('inferra.supabaseSignIn');
      else if (action) await vscode.commands.executeCommand('workbench.action.openSettings', 'inferra.supabase');
      return undefined;
    }
    return teams;
  }

  private async askNewProject(teams: TeamsClient): Promise<{ id: string; name: string } | undefined> {
    const name = await vscode.window.showInputBox({ title: 'New Supabase project', prompt: 'Project name (you will be its owner)', ignoreFocusOut: true,
      validateInput: (v) => (v.trim().length >= 1 && v.trim().length <= 200 ? undefined : 'A name of 1 to 200 characters.') });
    return name ? teams.createProject(name.trim()) : undefined;
  }
}

/** Items grouped by a key, in the order keys first appear. */
function group<T>(items: readonly T[], key: (item: T) => string): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return [...groups];
}
