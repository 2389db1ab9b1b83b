/**
 * The default transport: undici 7's fetch with an `EnvHttpProxyAgent`, so the CLI honours
 * HTTPS_PROXY / NO_PROXY. Inside VS Code the extension passes the global fetch instead (it is
 * patched for system proxies and certificates).
 */
import { EnvHttpProxyAgent, fetch as undiciFetch } from 'undici';
import type { FetchLike } from './types.js';

let agent: EnvHttpProxyAgent | undefined;

/** undici's fetch through a shared proxy-aware agent. */
export function createDefaultFetch(): FetchLike {
  agent ??= new EnvHttpProxyAgent();
  const dispatcher = agent;
  return (input, init) => undiciFetch(input, { ...(init as object), dispatcher } as Parameters<typeof undiciFetch>[1]) as unknown as Promise<Response>;
}
