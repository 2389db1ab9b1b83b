/**
 * The command line's HTTP transport: undici 7's fetch with an `EnvHttpProxyAgent`, so the CLI
 * honours HTTPS_PROXY / NO_PROXY (Node's global fetch ignores them). Used for the Grok fallback and
 * for Supabase. Inside VS Code the extension passes the global fetch instead (it is patched for
 * system proxies and certificates).
 *
 * undici is loaded on the first request, not when the CLI starts: most commands never go online,
 * and evaluating undici costs about a tenth of a second of every start.
 */
import type { EnvHttpProxyAgent, fetch as UndiciFetch } from 'undici';

let transport: Promise<{ agent: EnvHttpProxyAgent; fetch: typeof UndiciFetch }> | undefined;

/** undici's fetch through a shared proxy-aware agent, with the global fetch's signature. */
export function createDefaultFetch(): typeof fetch {
  return (async (input: Parameters<typeof UndiciFetch>[0], init?: RequestInit) => {
    transport ??= import('undici').then((loaded) => {
      // undici is CommonJS: a dynamic import may give its exports as the namespace or as its default.
      const undici = (typeof loaded.EnvHttpProxyAgent === 'function' ? loaded : (loaded as unknown as { default: typeof loaded }).default);
      return { agent: new undici.EnvHttpProxyAgent(), fetch: undici.fetch };
    });
    const { agent, fetch: undiciFetch } = await transport;
    return undiciFetch(input, { ...(init as object), dispatcher: agent } as Parameters<typeof UndiciFetch>[1]);
  }) as unknown as typeof fetch;
}
