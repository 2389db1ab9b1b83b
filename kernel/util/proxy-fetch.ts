/**
 * The command line's HTTP transport: undici 7's fetch with an `EnvHttpProxyAgent`, so the CLI
 * honours HTTPS_PROXY / NO_PROXY (Node's global fetch ignores them). Used for the Grok fallback and
 * for Supabase. Inside VS Code the extension passes the global fetch instead (it is patched for
 * system proxies and certificates).
 */
import { EnvHttpProxyAgent, fetch as undiciFetch } from 'undici';

let agent: EnvHttpProxyAgent | undefined;

/** undici's fetch through a shared proxy-aware agent, with the global fetch's signature. */
export function createDefaultFetch(): typeof fetch {
  agent ??= new EnvHttpProxyAgent();
  const dispatcher = agent;
  return ((input: Parameters<typeof undiciFetch>[0], init?: RequestInit) =>
    undiciFetch(input, { ...(init as object), dispatcher } as Parameters<typeof undiciFetch>[1])) as unknown as typeof fetch;
}
