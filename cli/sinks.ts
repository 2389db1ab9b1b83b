/**
 * Supabase for the CLI, when `INFERRA_SUPABASE_URL` + `INFERRA_SUPABASE_ANON_KEY` are set (signed in
 * with `INFERRA_SUPABASE_EMAIL` / `INFERRA_SUPABASE_PASSWORD`, or a saved session): the provenance
 * sink of `run`, the notebook's project, the LLM quota, and the team operations of `history --project`
 * and `verify --against-supabase`. The Supabase client is loaded only when configured.
 */
import type { LlmSettings, Notebook, ProvenanceSink, TeamsClient } from '../kernel/api.js';
import { InferraError, projectForUrl, readNotebookProject } from '../kernel/api.js';

/** Whether the environment names a Supabase project. */
export function supabaseConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.INFERRA_SUPABASE_URL && env.INFERRA_SUPABASE_ANON_KEY);
}

/** What `inferra run` takes from Supabase for one notebook: the sink, the project of its runs, the LLM quota. */
export interface NotebookSupabase {
  sinks: ProvenanceSink[];
  /** The notebook's project, when it is on the configured Supabase. */
  projectId?: string;
  /** The LLM settings with the Supabase quota added (unchanged without Supabase or a key). */
  llm: LlmSettings | undefined;
  close(): Promise<void>;
}

/**
 * Supabase for `inferra run`: one signed-in connection shared by the sink and the LLM quota; runs
 * carry the notebook's project (metadata `supabase_project`) when it was chosen on this Supabase.
 * Nothing when Supabase is not configured.
 */
export async function notebookSupabaseFromEnv(
  notebook: Pick<Notebook, 'metadata'>,
  llm: LlmSettings | undefined,
  log: (line: string) => void,
  env: NodeJS.ProcessEnv = process.env,
): Promise<NotebookSupabase> {
  if (!supabaseConfigured(env)) return { sinks: [], llm, close: async () => undefined };
  const { connectCliSupabase, createCliSupabaseSink } = await import('../kernel/provenance/cli-sink.js');
  const connection = await connectCliSupabase(env, log);
  const { projectId, mismatch } = projectForUrl(readNotebookProject(notebook.metadata), connection.url);
  if (mismatch) log(`supabase: ${mismatch}`);
  const sink = await createCliSupabaseSink(env, log, connection);
  // Signed in: every LLM call first reserves its tokens from the account's (or the project owner's) allowance.
  const withQuota = llm && connection.signedIn ? { ...llm, quota: connection.teams.llmQuota(projectId) } : llm;
  return {
    sinks: [sink],
    projectId,
    llm: withQuota,
    async close() {
      await connection.close();
    },
  };
}

/** The team operations of the configured Supabase, signed in; `supabase-not-configured` without it. */
export async function teamsFromEnv(what: string, log: (line: string) => void, env: NodeJS.ProcessEnv = process.env): Promise<{ teams: TeamsClient; url: string; close(): Promise<void> }> {
  if (!supabaseConfigured(env)) throw new InferraError('supabase-not-configured', { what });
  const { connectCliSupabase } = await import('../kernel/provenance/cli-sink.js');
  const connection = await connectCliSupabase(env, log);
  return { teams: connection.teams, url: connection.url, close: () => connection.close() };
}

/**
 * The LLM settings of a one-off command (`decide`, `ask`) with the signed-in user's own quota added,
 * when Supabase is configured and the LLM may be asked; otherwise unchanged (no connection is made).
 */
export async function llmWithPersonalQuota(
  llm: LlmSettings | undefined,
  allowLlm: boolean,
  log: (line: string) => void,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ llm: LlmSettings | undefined; close(): Promise<void> }> {
  if (!llm || !allowLlm || !supabaseConfigured(env)) return { llm, close: async () => undefined };
  const { connectCliSupabase } = await import('../kernel/provenance/cli-sink.js');
  const connection = await connectCliSupabase(env, log);
  return { llm: connection.signedIn ? { ...llm, quota: connection.teams.llmQuota() } : llm, close: () => connection.close() };
}
