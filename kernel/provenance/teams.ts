/**
 * Teams on Supabase (supabase/migrations/20261207000100_teams.sql, ..._llm_quotas.sql), over a
 * signed-in provenance client: the caller's projects, creating one, inviting and accepting, a
 * project's shared run history (with who recorded each run), finding runs by record hash (verify
 * against the team's record), and the LLM token quota (`reserve_llm_tokens` / `settle_llm_tokens`)
 * as an `LlmQuota` for the LLM fallback. Every rule is the database's; this only asks.
 */
import * as z from 'zod';
import { InferraError } from '../errors.js';
import type { LlmQuota, LlmReservation } from '../llm/types.js';
import type { ProvenanceRecord } from './record.js';
import { buildRestError, type ProvenanceClient, type StoredFigure } from './supabase.js';

/** A member's role in a project. */
export type ProjectRole = 'owner' | 'editor' | 'viewer';

/** A project the caller is a member of. */
export interface ProjectSummary {
  id: string;
  name: string;
  role: ProjectRole;
  ownerId: string;
  archived: boolean;
  createdAt: string;
}

/** An invitation waiting for the caller. */
export interface Invitation {
  id: string;
  projectId: string;
  projectName: string;
  role: ProjectRole;
  invitedBy: string | null;
  expiresAt: string;
}

/** One run of a project's shared record. */
export interface ProjectRun {
  id: string;
  userId: string;
  /** Who recorded it: display name and e-mail when the profile is readable, else the user id. */
  recordedBy: string;
  notebookId: string;
  cellId: string;
  runId: string;
  status: string;
  analysis: string;
  resultDigest: string | null;
  recordHash: string;
  startedAt: string;
  createdAt: string;
  figures: StoredFigure[];
  record: ProvenanceRecord;
}

/** The team operations. */
export interface TeamsClient {
  listProjects(): Promise<ProjectSummary[]>;
  createProject(name: string): Promise<ProjectSummary>;
  /** Renames a project (owner only). */
  renameProject(projectId: string, name: string): Promise<void>;
  /** Archives a project (no more runs are appended; owner only), or takes it out of the archive. */
  archiveProject(projectId: string, archived: boolean): Promise<void>;
  /** Deletes a project (owner only): members lose access, the runs stay with their authors; returns how many runs it had. */
  deleteProject(projectId: string): Promise<number>;
  /** A project by name (case-insensitive) or id among the caller's; `supabase-project-not-found` / `-ambiguous` otherwise. */
  resolveProject(nameOrId: string): Promise<ProjectSummary>;
  inviteToProject(projectId: string, email: string, role: Exclude<ProjectRole, 'owner'>): Promise<string>;
  myInvitations(): Promise<Invitation[]>;
  /** Joins the project of an invitation sent to the caller's address; returns the project's id. */
  acceptInvitation(invitationId: string): Promise<string>;
  /** The project's runs, newest first (optionally of one notebook). */
  listProjectRuns(projectId: string, options?: { notebookId?: string; limit?: number }): Promise<ProjectRun[]>;
  /** The project's runs whose record hash is one of `hashes`. */
  findRunsByRecordHash(projectId: string, hashes: readonly string[]): Promise<ProjectRun[]>;
  /** A figure's SVG from the bucket (members of its project read it). */
  downloadFigure(path: string): Promise<string>;
  /** The LLM quota of the caller, or of the project's owner when `projectId` is given. */
  llmQuota(projectId?: string): LlmQuota;
}

const RUN_COLUMNS = 'id,user_id,notebook_id,cell_id,client_run_id,status,analysis,result_digest,record_hash,record,figure_paths,started_at,created_at';

const ProjectRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  owner_id: z.string(),
  archived_at: z.string().nullable(),
  created_at: z.string(),
});

const RunRowSchema = z.object({
  id: z.string(),
  user_id: z.string(),
  notebook_id: z.string(),
  cell_id: z.string(),
  client_run_id: z.string(),
  status: z.string(),
  analysis: z.string(),
  result_digest: z.string().nullable(),
  record_hash: z.string(),
  record: z.record(z.string(), z.unknown()),
  figure_paths: z.array(z.object({ name: z.string(), path: z.string(), sha256: z.string() })).default([]),
  started_at: z.string(),
  created_at: z.string(),
});

/** PostgREST's answer when reserve_llm_tokens refuses (errcode PT429): its detail holds the numbers. */
const QuotaDetailSchema = z.object({ used: z.coerce.number(), allowance: z.coerce.number(), needed: z.coerce.number() });

interface ErrorLike {
  message?: string;
  code?: string;
  details?: string;
  hint?: string;
}

/** Team operations over a provenance client of the project at `url` (for messages). */
export function createTeamsClient(client: ProvenanceClient, url: string): TeamsClient {
  const { supabase } = client;

  async function requireUser(): Promise<string> {
    const user = await client.currentUser();
    if (!user) throw new InferraError('supabase-not-signed-in');
    return user.id;
  }

  /** A refusal raised by one of the project functions (42501 / 22023 / 23505): its message is for the user. */
  function failure(error: ErrorLike, status: number, operation: string): InferraError {
    if (status >= 400 && status < 500 && ['42501', '22023', '23505', 'P0001'].includes(error.code ?? '') && error.message) {
      return new InferraError('supabase-refused', { operation, detail: error.message.split('\n')[0].slice(0, 300) });
    }
    return buildRestError(error, status, url, 'projects', operation);
  }

  /** An owner's update of a project row; RLS hides the row from anyone else, which reads as "no such project". */
  async function updateProject(projectId: string, values: Record<string, unknown>, operation: string): Promise<void> {
    await requireUser();
    const { data, error, status } = await supabase.from('projects').update(values).eq('id', projectId).select('id');
    if (error) throw failure(error, status, operation);
    if ((data ?? []).length === 0) throw new InferraError('supabase-refused', { operation, detail: 'no such project, or you are not its owner' });
  }

  async function profileNames(userIds: readonly string[]): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    if (userIds.length === 0) return names;
    const { data, error } = await supabase.from('profiles').select('id,email,display_name').in('id', [...new Set(userIds)]);
    if (error) return names; // names are a courtesy: the ids still say who
    for (const row of (data ?? []) as { id: string; email: string | null; display_name: string }[]) {
      const label = row.display_name && row.email ? `${row.display_name} <${row.email}>` : row.display_name || row.email || row.id;
      names.set(row.id, label);
    }
    return names;
  }

  async function toRuns(rows: unknown[]): Promise<ProjectRun[]> {
    const parsed = rows.map((row) => RunRowSchema.parse(row));
    const names = await profileNames(parsed.map((r) => r.user_id));
    return parsed.map((r) => ({
      id: r.id,
      userId: r.user_id,
      recordedBy: names.get(r.user_id) ?? r.user_id,
      notebookId: r.notebook_id,
      cellId: r.cell_id,
      runId: r.client_run_id,
      status: r.status,
      analysis: r.analysis,
      resultDigest: r.result_digest,
      recordHash: r.record_hash,
      startedAt: r.started_at,
      createdAt: r.created_at,
      figures: r.figure_paths,
      record: r.record as unknown as ProvenanceRecord,
    }));
  }

  const teams: TeamsClient = {
    async listProjects() {
      const me = await requireUser();
      const { data, error, status } = await supabase
        .from('project_members')
        .select('role, projects!inner(id,name,owner_id,archived_at,created_at)')
        .eq('user_id', me);
      if (error) throw failure(error, status, 'list your projects');
      return ((data ?? []) as unknown as { role: ProjectRole; projects: unknown }[])
        .map((row) => {
          const p = ProjectRowSchema.parse(row.projects);
          return { id: p.id, name: p.name, role: row.role, ownerId: p.owner_id, archived: p.archived_at !== null, createdAt: p.created_at };
        })
        .sort((a, b) => a.name.localeCompare(b.name));
    },
    async createProject(name) {
      await requireUser();
      const { data, error, status } = await supabase.rpc('create_project', { name });
      if (error) throw failure(error, status, `create the project '${name}'`);
      const p = ProjectRowSchema.parse(Array.isArray(data) ? data[0] : data);
      return { id: p.id, name: p.name, role: 'owner', ownerId: p.owner_id, archived: false, createdAt: p.created_at };
    },
    async renameProject(projectId, name) {
      await updateProject(projectId, { name: name.trim() }, `rename the project to '${name.trim()}'`);
    },
    async archiveProject(projectId, archived) {
      await updateProject(projectId, { archived_at: archived ? new Date().toISOString() : null }, archived ? 'archive the project' : 'take the project out of the archive');
    },
    async deleteProject(projectId) {
      await requireUser();
      const { data, error, status } = await supabase.rpc('delete_project', { project: projectId });
      if (error) throw failure(error, status, 'delete the project');
      return Number(data);
    },
    async resolveProject(nameOrId) {
      const projects = await teams.listProjects();
      const byId = projects.find((p) => p.id === nameOrId.trim().toLowerCase());
      if (byId) return byId;
      const matches = projects.filter((p) => p.name.toLowerCase() === nameOrId.trim().toLowerCase());
      if (matches.length === 1) return matches[0];
      if (matches.length > 1) {
        const owners = await profileNames(matches.map((m) => m.ownerId));
        throw new InferraError('supabase-project-ambiguous', {
          project: nameOrId,
          owners: matches.map((m) => `${owners.get(m.ownerId) ?? m.ownerId} (id ${m.id})`).join(', '),
        });
      }
      throw new InferraError('supabase-project-not-found', { project: nameOrId, available: projects.map((p) => p.name).join(', ') });
    },
    async inviteToProject(projectId, email, role) {
      await requireUser();
      const { data, error, status } = await supabase.rpc('invite_to_project', { project: projectId, email, role });
      if (error) throw failure(error, status, `invite ${email}`);
      return String(data);
    },
    async myInvitations() {
      await requireUser();
      const { data, error, status } = await supabase.rpc('my_invitations');
      if (error) throw failure(error, status, 'list your invitations');
      return ((data ?? []) as { id: string; project_id: string; project_name: string; role: ProjectRole; invited_by_email: string | null; expires_at: string }[]).map((row) => ({
        id: row.id,
        projectId: row.project_id,
        projectName: row.project_name,
        role: row.role,
        invitedBy: row.invited_by_email,
        expiresAt: row.expires_at,
      }));
    },
    async acceptInvitation(invitationId) {
      await requireUser();
      const { data, error, status } = await supabase.rpc('accept_invitation', { invitation: invitationId });
      if (error) throw failure(error, status, 'accept the invitation');
      return String(data);
    },
    async listProjectRuns(projectId, options = {}) {
      await requireUser();
      let query = supabase.from('analysis_runs').select(RUN_COLUMNS).eq('project_id', projectId);
      if (options.notebookId) query = query.eq('notebook_id', options.notebookId);
      const { data, error, status } = await query.order('created_at', { ascending: false }).limit(options.limit ?? 1000);
      if (error) throw buildRestError(error, status, url, 'analysis_runs', "read the project's runs");
      return toRuns(data ?? []);
    },
    async findRunsByRecordHash(projectId, hashes) {
      await requireUser();
      const wanted = [...new Set(hashes)].filter((h) => /^[0-9a-f]{64}$/.test(h));
      const found: unknown[] = [];
      // A few hundred hashes per request keep the URL short.
      for (let i = 0; i < wanted.length; i += 200) {
        const { data, error, status } = await supabase
          .from('analysis_runs')
          .select(RUN_COLUMNS)
          .eq('project_id', projectId)
          .in('record_hash', wanted.slice(i, i + 200))
          .order('created_at', { ascending: true });
        if (error) throw buildRestError(error, status, url, 'analysis_runs', "read the project's runs");
        found.push(...(data ?? []));
      }
      return toRuns(found);
    },
    async downloadFigure(path) {
      await requireUser();
      const { data, error } = await supabase.storage.from('figures').download(path);
      if (error || !data) throw new InferraError('supabase-request-failed', { status: 'storage', operation: `read the figure ${path}`, detail: error?.message ?? 'no data' });
      return data.text();
    },
    llmQuota(projectId) {
      return {
        async reserve(tokens: number): Promise<LlmReservation> {
          await requireUser();
          const needed = Math.max(1, Math.ceil(tokens));
          const { data, error, status } = await supabase.rpc('reserve_llm_tokens', { n: needed, ...(projectId ? { project: projectId } : {}) });
          if (error) {
            if (error.code === 'PT429' || status === 429) {
              const detail = QuotaDetailSchema.safeParse(safeJson(error.details));
              const numbers = detail.success ? detail.data : { used: Number.NaN, allowance: Number.NaN, needed };
              throw new InferraError('llm-quota-exhausted', { ...numbers, scope: projectId ? "the project's owner (shared by the team)" : 'your account' });
            }
            throw failure(error, status, 'reserve LLM tokens');
          }
          const reservation = String(data);
          return {
            async settle(usedTokens, details = {}) {
              const { error: settleError, status: settleStatus } = await supabase.rpc('settle_llm_tokens', {
                reservation,
                used: Math.max(0, Math.round(usedTokens)),
                cost_usd: details.costUsd ?? null,
                model: details.model ?? null,
                request_id: details.requestId ?? null,
              });
              if (settleError) throw failure(settleError, settleStatus, 'settle the LLM token reservation');
            },
          };
        },
      };
    },
  };
  return teams;
}

function safeJson(text: string | undefined): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}
