/** Provenance sinks for the CLI: Supabase when configured in the environment. */
import type { ProvenanceSink } from '../kernel/api.js';

/**
 * Sinks from `INFERRA_SUPABASE_URL` + `INFERRA_SUPABASE_ANON_KEY` (signed in with
 * `INFERRA_SUPABASE_EMAIL` / `INFERRA_SUPABASE_PASSWORD`, or a saved session). None when unset.
 */
export async function sinksFromEnv(log: (line: string) => void, env: NodeJS.ProcessEnv = process.env): Promise<ProvenanceSink[]> {
  if (!env.INFERRA_SUPABASE_URL || !env.INFERRA_SUPABASE_ANON_KEY) return [];
  const { createCliSupabaseSink } = await import('../kernel/provenance/cli-sink.js');
  return [await createCliSupabaseSink(env, log)];
}
